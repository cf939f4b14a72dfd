/**
 * The SQL equivalent of `GET /api/anime?limit=20&depth=1&sort=-score` for an anonymous reader:
 * published anime by score desc (then createdAt desc, Payload's fallback sort), with alternative
 * titles and genres as full documents (depth=1), and the count Payload's pagination runs.
 */
const ANIME_SELECT = `
select a.id, a.title, a.title_english as "titleEnglish", a.title_japanese as "titleJapanese",
  a.title_russian as "titleRussian",
  coalesce((select json_agg(json_build_object('id', t.id, 'title', t.title) order by t._order)
            from anime_alt_titles t where t._parent_id = a.id), '[]'::json) as "altTitles",
  a.slug, a.synopsis, a.kind, a.status, a.age_rating as "ageRating", a.episodes::float8 as episodes,
  a.episode_minutes::float8 as "episodeMinutes", a.season, a.year::float8 as year,
  a.aired_from as "airedFrom", a.aired_to as "airedTo",
  coalesce((select json_agg(json_build_object('id', g.id, 'name', g.name, 'slug', g.slug,
              'description', g.description, 'updatedAt', g.updated_at, 'createdAt', g.created_at) order by r."order")
            from anime_rels r join genres g on g.id = r.genres_id
            where r.parent_id = a.id and r.path = 'genres'), '[]'::json) as genres,
  coalesce((select json_agg(r.studios_id order by r."order") from anime_rels r
            where r.parent_id = a.id and r.path = 'studios'), '[]'::json) as studios,
  a.poster_id as poster, a.score::float8 as score,
  json_build_object('mal', a.external_ids_mal::float8, 'anilist', a.external_ids_anilist::float8,
                    'kitsu', a.external_ids_kitsu::float8) as "externalIds",
  a.view_count::float8 as "viewCount", a.favorites_count::float8 as "favoritesCount",
  a.updated_at as "updatedAt", a.created_at as "createdAt", a._status as "_status"
from anime a`

export const PAGE_SQL = `${ANIME_SELECT}
where a._status = 'published'
order by a.score desc, a.created_at desc
limit $1`

/** `GET /api/anime/:id?depth=1` for an anonymous reader: the same document shape, one row. */
export const DETAIL_SQL = `${ANIME_SELECT}
where a.id = $1 and a._status = 'published'`

export const COUNT_SQL = `select count(*)::int as n from anime where _status = 'published'`
