import type { AnimeKind, AnimeStatus } from '../options'

/**
 * The demo catalog: original, invented titles (none is a real anime), for local development and
 * screenshots. Kinds, statuses, years and scores vary on purpose; some titles carry Japanese script
 * and alternative titles so search and display can be tried on them.
 */

export const DEMO_GENRES: { name: string; description: string }[] = [
  { name: 'Action', description: 'Fights, chases and narrow escapes.' },
  { name: 'Adventure', description: 'Journeys to places nobody has mapped yet.' },
  { name: 'Comedy', description: 'Made to be laughed at, kindly.' },
  { name: 'Drama', description: 'People, choices and what they cost.' },
  { name: 'Fantasy', description: 'Magic, spirits and worlds with their own rules.' },
  { name: 'Mystery', description: 'Something is hidden; someone wants to know what.' },
  { name: 'Romance', description: 'Hearts, slowly or all at once.' },
  { name: 'Sci-Fi', description: 'Machines, stars and the future.' },
  { name: 'Slice of Life', description: 'Ordinary days, looked at closely.' },
  { name: 'Sports', description: 'Training, teams and the final match.' },
]

export const DEMO_STUDIOS: { name: string; description: string }[] = [
  { name: 'Studio Kumoya', description: 'A small studio known for painted skies.' },
  { name: 'Lantern Works', description: 'Night scenes and warm light.' },
  { name: 'Paper Crane Animation', description: 'Hand-drawn films for families.' },
  { name: 'Hokuto Pictures', description: 'Long-running television series.' },
  { name: 'Mirage Frame', description: 'Mecha and science fiction.' },
  { name: 'Tidewater Studio', description: 'Coastal towns and quiet dramas.' },
  { name: 'Blue Hour Animation', description: 'Short films and music videos.' },
  { name: 'Kiseki Motion', description: 'Fast-paced action and sports.' },
]

export type DemoAnime = {
  title: string
  titleEnglish?: string
  titleJapanese?: string
  altTitles?: string[]
  kind: AnimeKind
  status: AnimeStatus
  year: number
  season: 'winter' | 'spring' | 'summer' | 'fall'
  episodes?: number
  episodeMinutes: number
  score?: number
  ageRating: 'g' | 'pg' | 'pg13' | 'r'
  genres: string[]
  studios: string[]
  /** Paragraphs, separated by blank lines. */
  synopsis: string
}

export const DEMO_ANIME: DemoAnime[] = [
  { title: 'Tsuki no Kagiya', titleEnglish: "The Moon's Locksmith", titleJapanese: '月の鍵屋', kind: 'tv', status: 'finished', year: 2014, season: 'fall', episodes: 12, episodeMinutes: 24, score: 8.4, ageRating: 'pg13', genres: ['Fantasy', 'Mystery'], studios: ['Studio Kumoya'], synopsis: 'Every night a locksmith climbs the tallest roof in town to open one more door in the moon.\n\nWhen a door opens from the other side, she has to decide who she has been letting out.' },
  { title: 'Hoshikuzu Yuubinkyoku', titleEnglish: 'Stardust Post Office', titleJapanese: '星屑郵便局', altTitles: ['Hoshiyuu'], kind: 'tv', status: 'finished', year: 2016, season: 'spring', episodes: 24, episodeMinutes: 24, score: 8.9, ageRating: 'g', genres: ['Slice of Life', 'Fantasy'], studios: ['Tidewater Studio'], synopsis: 'A post office on a small island delivers letters to people who have already left it.\n\nIts newest clerk has never written a letter in her life.' },
  { title: 'Kanade Crossing', kind: 'movie', status: 'finished', year: 2019, season: 'summer', episodes: 1, episodeMinutes: 108, score: 8.1, ageRating: 'pg', genres: ['Drama', 'Romance'], studios: ['Paper Crane Animation'], synopsis: 'Two street musicians play on opposite sides of the same railway crossing and only hear each other between trains.' },
  { title: 'Iron Tide Vanguard', titleJapanese: '鉄潮ヴァンガード', kind: 'tv', status: 'airing', year: 2025, season: 'fall', episodeMinutes: 24, score: 7.6, ageRating: 'pg13', genres: ['Action', 'Sci-Fi'], studios: ['Mirage Frame'], synopsis: 'The sea rose, the cities floated, and the floating cities went to war.\n\nA salvage crew finds a machine that refuses to fight for anyone.' },
  { title: 'Ohayou, Robotto-kun', titleEnglish: 'Good Morning, Robot', kind: 'ona', status: 'finished', year: 2021, season: 'winter', episodes: 26, episodeMinutes: 5, score: 7.2, ageRating: 'g', genres: ['Comedy', 'Slice of Life'], studios: ['Blue Hour Animation'], synopsis: 'A household robot learns one new human habit every morning and gets each of them slightly wrong.' },
  { title: 'Kuroi Tsubasa no Kishi', titleEnglish: 'Knight of the Black Wing', titleJapanese: '黒い翼の騎士', altTitles: ['Black Wing Knight', 'KuroTsuba'], kind: 'tv', status: 'finished', year: 2008, season: 'spring', episodes: 26, episodeMinutes: 24, score: 7.9, ageRating: 'pg13', genres: ['Action', 'Fantasy'], studios: ['Hokuto Pictures'], synopsis: 'A disgraced knight is given wings by a crow spirit, on the condition that he never lands in his own kingdom again.' },
  { title: 'Natsu no Owari no Radio', titleEnglish: 'Radio at the End of Summer', kind: 'movie', status: 'finished', year: 2012, season: 'summer', episodes: 1, episodeMinutes: 94, score: 8.6, ageRating: 'pg', genres: ['Drama', 'Slice of Life'], studios: ['Tidewater Studio'], synopsis: 'A radio club keeps broadcasting from a town that is about to be flooded for a dam.\n\nOn the last night, someone calls in from the bottom of the lake.' },
  { title: 'Shutter Speed Hearts', kind: 'tv', status: 'finished', year: 2018, season: 'fall', episodes: 12, episodeMinutes: 24, score: 7.4, ageRating: 'pg', genres: ['Romance', 'Comedy'], studios: ['Lantern Works'], synopsis: 'A photography club president who hates being photographed and a new member who only photographs her.' },
  { title: 'Gear Garden', titleJapanese: 'ギアガーデン', kind: 'ova', status: 'finished', year: 2003, season: 'winter', episodes: 6, episodeMinutes: 30, score: 6.8, ageRating: 'pg13', genres: ['Sci-Fi', 'Mystery'], studios: ['Mirage Frame'], synopsis: 'In a greenhouse on a space station, the plants are growing gears.' },
  { title: 'Ippon Michi', titleEnglish: 'One Road', titleJapanese: '一本道', kind: 'tv', status: 'finished', year: 2010, season: 'spring', episodes: 25, episodeMinutes: 24, score: 8.2, ageRating: 'pg', genres: ['Sports', 'Drama'], studios: ['Kiseki Motion'], synopsis: 'A mountain relay team with five runners and one road that no team from their school has ever finished.' },
  { title: 'Lantern Festival Detectives', kind: 'special', status: 'finished', year: 2020, season: 'summer', episodes: 2, episodeMinutes: 45, score: 7.0, ageRating: 'g', genres: ['Mystery', 'Comedy'], studios: ['Lantern Works'], synopsis: 'Three children solve the mystery of the lantern that lights itself, before the festival ends at midnight.' },
  { title: 'Aozora Bakery', titleEnglish: 'Blue Sky Bakery', titleJapanese: '青空ベーカリー', kind: 'tv', status: 'airing', year: 2025, season: 'summer', episodeMinutes: 24, score: 7.8, ageRating: 'g', genres: ['Slice of Life', 'Comedy'], studios: ['Studio Kumoya'], synopsis: 'A bakery that opens at four in the morning, and the regulars who only ever meet there.' },
  { title: 'Void Cartographer', kind: 'tv', status: 'upcoming', year: 2026, season: 'spring', episodeMinutes: 24, ageRating: 'pg13', genres: ['Sci-Fi', 'Adventure'], studios: ['Mirage Frame'], synopsis: 'The last mapmaker of a generation ship is asked to draw the one region the ship has never visited: its own hull.' },
  { title: 'Koori no Uta', titleEnglish: 'Song of Ice', titleJapanese: '氷の詩', kind: 'music', status: 'finished', year: 2017, season: 'winter', episodes: 1, episodeMinutes: 4, score: 7.3, ageRating: 'g', genres: ['Fantasy'], studios: ['Blue Hour Animation'], synopsis: 'A four-minute music film about a frozen lake that sings back.' },
  { title: 'Tenkuu Relay', kind: 'tv', status: 'finished', year: 2015, season: 'summer', episodes: 13, episodeMinutes: 24, score: 7.1, ageRating: 'pg', genres: ['Sports', 'Comedy'], studios: ['Kiseki Motion'], synopsis: 'A paragliding club enters a relay race that is, strictly speaking, not meant for paragliders.' },
  { title: 'Yami Shoutengai', titleEnglish: 'Shadow Shopping Street', titleJapanese: '闇商店街', altTitles: ['Yamishou'], kind: 'tv', status: 'finished', year: 2013, season: 'fall', episodes: 12, episodeMinutes: 24, score: 7.7, ageRating: 'r', genres: ['Mystery', 'Fantasy'], studios: ['Lantern Works'], synopsis: 'After dark, the shopping street sells memories.\n\nA student who cannot remember last summer comes looking for a refund.' },
  { title: 'Captain Marmalade', kind: 'ona', status: 'airing', year: 2024, season: 'fall', episodeMinutes: 7, score: 6.9, ageRating: 'g', genres: ['Comedy', 'Adventure'], studios: ['Blue Hour Animation'], synopsis: 'A cat who believes she is a ship captain, and the very patient family whose bathtub is her ship.' },
  { title: 'Hibana no Kiseki', titleEnglish: 'Trail of Sparks', titleJapanese: '火花の軌跡', kind: 'movie', status: 'finished', year: 2022, season: 'fall', episodes: 1, episodeMinutes: 121, score: 8.8, ageRating: 'pg13', genres: ['Action', 'Drama'], studios: ['Kiseki Motion'], synopsis: 'A fireworks maker and a firefighter spend one summer trying to prevent the same fire from opposite ends.' },
  { title: 'Glasswing Academy', kind: 'tv', status: 'finished', year: 2011, season: 'spring', episodes: 24, episodeMinutes: 24, score: 6.5, ageRating: 'pg13', genres: ['Fantasy', 'Romance'], studios: ['Hokuto Pictures'], synopsis: 'At a school for glass mages, a student who shatters everything she touches is placed in the repair club.' },
  { title: 'Mori no Toshokan', titleEnglish: 'The Forest Library', titleJapanese: '森の図書館', kind: 'ova', status: 'finished', year: 2009, season: 'summer', episodes: 3, episodeMinutes: 28, score: 8.0, ageRating: 'g', genres: ['Fantasy', 'Slice of Life'], studios: ['Paper Crane Animation'], synopsis: 'The books of a library in the forest grow on trees and have to be picked when they are ripe.' },
  { title: 'Neon Koi Circuit', titleJapanese: 'ネオン恋サーキット', kind: 'tv', status: 'finished', year: 2019, season: 'winter', episodes: 12, episodeMinutes: 24, score: 6.7, ageRating: 'pg13', genres: ['Romance', 'Sci-Fi'], studios: ['Mirage Frame'], synopsis: 'Street racers in a city where the cars drive themselves, and the one racer who still steers by hand.' },
  { title: 'Odd Jobs Yorozuya Hana', titleEnglish: 'Hana of All Trades', kind: 'tv', status: 'airing', year: 2025, season: 'spring', episodeMinutes: 24, score: 7.5, ageRating: 'pg', genres: ['Comedy', 'Action'], studios: ['Hokuto Pictures'], synopsis: 'Hana will do any job for the right price, and an extremely wide range of jobs for the wrong one.' },
  { title: 'Winter Lighthouse', kind: 'special', status: 'finished', year: 2018, season: 'winter', episodes: 1, episodeMinutes: 50, score: 7.9, ageRating: 'g', genres: ['Drama'], studios: ['Tidewater Studio'], synopsis: 'A one-hour special about a lighthouse keeper and the ship that keeps arriving every New Year.' },
  { title: 'Kaminari Kitchen', titleEnglish: 'Thunder Kitchen', titleJapanese: '雷キッチン', kind: 'tv', status: 'finished', year: 2020, season: 'fall', episodes: 12, episodeMinutes: 24, score: 7.3, ageRating: 'pg', genres: ['Comedy', 'Slice of Life'], studios: ['Kiseki Motion'], synopsis: 'A thunder god loses his powers and has to earn a living as a line cook. The stoves have never been hotter.' },
  { title: 'Ashen Crown', kind: 'tv', status: 'upcoming', year: 2026, season: 'summer', episodeMinutes: 24, ageRating: 'r', genres: ['Fantasy', 'Action'], studios: ['Hokuto Pictures'], synopsis: 'A crown that burns whoever wears it, and a kingdom that still needs a ruler.' },
  { title: 'Soramimi Club', titleEnglish: 'The Mishearing Club', titleJapanese: '空耳クラブ', kind: 'ona', status: 'finished', year: 2022, season: 'spring', episodes: 12, episodeMinutes: 12, score: 6.6, ageRating: 'g', genres: ['Comedy'], studios: ['Blue Hour Animation'], synopsis: 'A school club dedicated to mishearing song lyrics, taken completely seriously.' },
  { title: 'Deep Blue Archive', kind: 'movie', status: 'finished', year: 2016, season: 'spring', episodes: 1, episodeMinutes: 112, score: 8.3, ageRating: 'pg13', genres: ['Sci-Fi', 'Mystery'], studios: ['Tidewater Studio'], synopsis: 'A diver finds a library at the bottom of the ocean in which every book is about her.' },
  { title: 'Hanabi Batter', titleJapanese: '花火バッター', kind: 'tv', status: 'finished', year: 2007, season: 'spring', episodes: 50, episodeMinutes: 24, score: 7.8, ageRating: 'pg', genres: ['Sports', 'Drama'], studios: ['Kiseki Motion'], synopsis: 'A batter who only hits home runs during fireworks has one season to prove it is not a coincidence.' },
  { title: 'Paper Moon Express', kind: 'tv', status: 'finished', year: 2005, season: 'fall', episodes: 26, episodeMinutes: 24, score: 8.5, ageRating: 'pg', genres: ['Adventure', 'Fantasy'], studios: ['Paper Crane Animation'], synopsis: 'A train made of paper runs between the towns in children’s drawings. Its conductor is nine years old.\n\nRain is a problem.' },
  { title: 'Kagami no Mukou', titleEnglish: 'Beyond the Mirror', titleJapanese: '鏡の向こう', altTitles: ['KagaMuko'], kind: 'ova', status: 'finished', year: 2014, season: 'summer', episodes: 4, episodeMinutes: 30, score: 7.0, ageRating: 'r', genres: ['Mystery', 'Drama'], studios: ['Lantern Works'], synopsis: 'Her reflection has started arriving at school a few minutes before she does.' },
  { title: 'Starlit Rehearsal', kind: 'tv', status: 'finished', year: 2021, season: 'summer', episodes: 12, episodeMinutes: 24, score: 7.6, ageRating: 'g', genres: ['Slice of Life', 'Drama'], studios: ['Studio Kumoya'], synopsis: 'A theatre troupe of retirees rehearses a play they started fifty years ago and never finished.' },
  { title: 'Mecha Ojisan', titleEnglish: 'Uncle Mecha', kind: 'tv', status: 'finished', year: 2023, season: 'winter', episodes: 12, episodeMinutes: 24, score: 7.2, ageRating: 'pg', genres: ['Comedy', 'Sci-Fi'], studios: ['Mirage Frame'], synopsis: 'A retired giant-robot pilot moves in with his niece and brings his robot, which does not fit in the garage.' },
  { title: 'Fuyu no Kitsune', titleEnglish: 'The Winter Fox', titleJapanese: '冬の狐', kind: 'movie', status: 'upcoming', year: 2026, season: 'winter', episodes: 1, episodeMinutes: 100, ageRating: 'g', genres: ['Fantasy', 'Adventure'], studios: ['Paper Crane Animation'], synopsis: 'A fox spirit who steals winter from the mountains, and the girl sent to bring it back.' },
  { title: 'Overtime Exorcists', kind: 'tv', status: 'airing', year: 2025, season: 'fall', episodeMinutes: 24, score: 7.4, ageRating: 'pg13', genres: ['Action', 'Comedy'], studios: ['Hokuto Pictures'], synopsis: 'Office workers who exorcise ghosts after hours, and the ghost who wants to be paid for overtime too.' },
  { title: 'Sunset Court', kind: 'tv', status: 'finished', year: 2017, season: 'summer', episodes: 24, episodeMinutes: 24, score: 8.0, ageRating: 'pg', genres: ['Sports', 'Romance'], studios: ['Kiseki Motion'], synopsis: 'A beach volleyball pair that only plays after sunset, for reasons neither will explain.' },
  { title: 'Kumo no Ue no Shiro', titleEnglish: 'The Castle Above the Clouds', titleJapanese: '雲の上の城', kind: 'special', status: 'finished', year: 2006, season: 'spring', episodes: 1, episodeMinutes: 60, score: 7.5, ageRating: 'g', genres: ['Adventure', 'Fantasy'], studios: ['Studio Kumoya'], synopsis: 'A balloon-maker’s apprentice builds a balloon big enough to visit the castle she sees every evening.' },
  { title: 'Static Garden', kind: 'music', status: 'finished', year: 2023, season: 'spring', episodes: 1, episodeMinutes: 3, score: 6.9, ageRating: 'g', genres: ['Sci-Fi'], studios: ['Blue Hour Animation'], synopsis: 'A music video in which a broken television grows flowers out of its static.' },
  { title: 'Tadaima Dungeon', titleEnglish: "I'm Home, Dungeon", kind: 'tv', status: 'finished', year: 2024, season: 'spring', episodes: 12, episodeMinutes: 24, score: 7.1, ageRating: 'pg13', genres: ['Fantasy', 'Comedy'], studios: ['Lantern Works'], synopsis: 'A dungeon boss who commutes. Every evening, adventurers break into her home; every morning, she goes to work.' },
  { title: 'Last Train Requiem', kind: 'ova', status: 'finished', year: 2001, season: 'fall', episodes: 2, episodeMinutes: 45, score: 8.2, ageRating: 'r', genres: ['Mystery', 'Drama'], studios: ['Tidewater Studio'], synopsis: 'The last train of the night arrives with one passenger more than it left with.' },
  { title: 'Harukaze Rally', titleEnglish: 'Spring Wind Rally', titleJapanese: '春風ラリー', kind: 'tv', status: 'upcoming', year: 2026, season: 'spring', episodeMinutes: 24, ageRating: 'pg', genres: ['Sports', 'Adventure'], studios: ['Kiseki Motion'], synopsis: 'A rally team of three sisters, one old car, and a route that crosses the whole country in spring.' },
]
