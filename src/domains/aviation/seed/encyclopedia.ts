/**
 * The FrankenJet demo encyclopedia: real aircraft and people, described in short original texts
 * written for this seed (no text copied from elsewhere). Russian is the default locale; `en` holds
 * the English name or title where it is cheap to give. Every entry has a fixed slug, the seed's
 * upsert key, so a second run finds what the first one made.
 */

type En = { en?: string }
export type SeedCategory = { slug: string; name: string; nameEn: string; description: string; order: number }
export type SeedOrganisation = { slug: string; name: string; country: string; founded?: string; dissolved?: string } & En
export type SeedDesigner = {
  slug: string
  name: string
  born: string
  died?: string
  nationality: string
  bureau?: string
  biography: string
} & En
export type SeedPersonality = {
  slug: string
  name: string
  roles: ('pilot' | 'test_pilot' | 'engineer' | 'designer' | 'commander' | 'cosmonaut')[]
  born: string
  died?: string
  nationality: string
  biography: string
} & En
export type SeedAircraft = {
  slug: string
  name: string
  designation: string
  role: 'fighter' | 'bomber' | 'attack' | 'airliner' | 'transport' | 'helicopter' | 'utility' | 'flying_boat'
  status: 'in_service' | 'retired' | 'in_production'
  firstFlight?: string
  numberBuilt?: number
  manufacturer?: string
  bureau?: string
  designers: string[]
  icaoCode?: string
  description: string
} & En
export type SeedEvent = {
  slug: string
  title: string
  date: string
  location: string
  aircraft: string[]
  personalities: string[]
  description: string
} & En
export type SeedArticle = {
  slug: string
  title: string
  titleEn: string
  excerpt: string
  excerptEn: string
  category: string
  tags: string[]
  body: string
  related: {
    relationTo: 'aircraft' | 'designers' | 'design-bureaus' | 'personalities' | 'historical-events' | 'manufacturers'
    slug: string
  }[]
}

export const SEED_CATEGORIES: SeedCategory[] = [
  {
    slug: 'history',
    name: 'История',
    nameEn: 'History',
    description: 'События и люди, которые сделали авиацию такой, какая она есть.',
    order: 1,
  },
  {
    slug: 'designers',
    name: 'Конструкторы',
    nameEn: 'Designers',
    description: 'Конструкторские бюро и их главные конструкторы.',
    order: 2,
  },
  {
    slug: 'civil-aviation',
    name: 'Гражданская авиация',
    nameEn: 'Civil aviation',
    description: 'Пассажирские и грузовые самолёты.',
    order: 3,
  },
  {
    slug: 'military-aviation',
    name: 'Военная авиация',
    nameEn: 'Military aviation',
    description: 'Истребители, бомбардировщики и штурмовики.',
    order: 4,
  },
  { slug: 'helicopters', name: 'Вертолёты', nameEn: 'Helicopters', description: 'Машины с несущим винтом.', order: 5 },
]

export const SEED_MANUFACTURERS: SeedOrganisation[] = [
  { slug: 'voronezh-aircraft-plant', name: 'Воронежский авиазавод', en: 'Voronezh Aircraft Plant', country: 'СССР', founded: '1932-01-01' },
  { slug: 'aviakor', name: 'Авиакор (Куйбышевский авиазавод)', en: 'Aviakor', country: 'СССР', founded: '1932-01-01' },
  { slug: 'kazan-aircraft-plant', name: 'Казанский авиазавод', en: 'Kazan Aircraft Plant', country: 'СССР', founded: '1927-01-01' },
  { slug: 'tashkent-aircraft-plant', name: 'Ташкентский авиазавод', en: 'Tashkent Aircraft Plant', country: 'СССР', founded: '1932-01-01' },
  { slug: 'saratov-aircraft-plant', name: 'Саратовский авиазавод', en: 'Saratov Aircraft Plant', country: 'СССР', founded: '1931-01-01' },
  { slug: 'kazan-helicopters', name: 'Казанский вертолётный завод', en: 'Kazan Helicopters', country: 'СССР', founded: '1940-01-01' },
  { slug: 'kiev-aircraft-plant', name: 'Киевский авиазавод', en: 'Kyiv Aircraft Plant', country: 'СССР', founded: '1920-01-01' },
  { slug: 'pzl-mielec', name: 'PZL Mielec', country: 'Польша', founded: '1938-01-01' },
  { slug: 'boeing', name: 'Boeing', country: 'США', founded: '1916-07-15' },
  { slug: 'douglas', name: 'Douglas Aircraft Company', country: 'США', founded: '1921-07-22', dissolved: '1967-04-28' },
  { slug: 'bac-aerospatiale', name: 'BAC и Aérospatiale', en: 'BAC and Aérospatiale', country: 'Великобритания, Франция' },
]

export const SEED_BUREAUS: SeedOrganisation[] = [
  { slug: 'okb-tupolev', name: 'ОКБ Туполева', en: 'Tupolev Design Bureau', country: 'СССР', founded: '1922-10-22' },
  { slug: 'okb-ilyushin', name: 'ОКБ Ильюшина', en: 'Ilyushin Design Bureau', country: 'СССР', founded: '1933-01-13' },
  { slug: 'okb-mikoyan', name: 'ОКБ Микояна', en: 'Mikoyan Design Bureau', country: 'СССР', founded: '1939-12-08' },
  { slug: 'okb-sukhoi', name: 'ОКБ Сухого', en: 'Sukhoi Design Bureau', country: 'СССР', founded: '1939-07-29' },
  { slug: 'okb-yakovlev', name: 'ОКБ Яковлева', en: 'Yakovlev Design Bureau', country: 'СССР', founded: '1934-01-15' },
  { slug: 'okb-mil', name: 'ОКБ Миля', en: 'Mil Design Bureau', country: 'СССР', founded: '1947-12-12' },
  { slug: 'okb-antonov', name: 'ОКБ Антонова', en: 'Antonov Design Bureau', country: 'СССР', founded: '1946-05-31' },
  { slug: 'okb-beriev', name: 'ОКБ Бериева', en: 'Beriev Design Bureau', country: 'СССР', founded: '1934-10-01' },
]

export const SEED_DESIGNERS: SeedDesigner[] = [
  {
    slug: 'andrei-tupolev',
    name: 'Андрей Туполев',
    en: 'Andrei Tupolev',
    born: '1888-11-10',
    died: '1972-12-23',
    nationality: 'СССР',
    bureau: 'okb-tupolev',
    biography:
      'Основатель одного из старейших конструкторских бюро страны. Начинал с цельнометаллических самолётов, закончил сверхзвуковым пассажирским лайнером.',
  },
  {
    slug: 'alexei-tupolev',
    name: 'Алексей Туполев',
    en: 'Alexei Tupolev',
    born: '1925-05-20',
    died: '2001-05-12',
    nationality: 'СССР',
    bureau: 'okb-tupolev',
    biography: 'Сын Андрея Туполева, руководил работами над Ту-144 и позднее возглавил бюро.',
  },
  {
    slug: 'sergey-ilyushin',
    name: 'Сергей Ильюшин',
    en: 'Sergey Ilyushin',
    born: '1894-03-30',
    died: '1977-02-09',
    nationality: 'СССР',
    bureau: 'okb-ilyushin',
    biography: 'Создатель штурмовика Ил-2 и первых советских дальнемагистральных лайнеров.',
  },
  {
    slug: 'artem-mikoyan',
    name: 'Артём Микоян',
    en: 'Artem Mikoyan',
    born: '1905-08-05',
    died: '1970-12-09',
    nationality: 'СССР',
    bureau: 'okb-mikoyan',
    biography: 'Вместе с Михаилом Гуревичем основал бюро, чьи истребители МиГ стали нарицательными.',
  },
  {
    slug: 'mikhail-gurevich',
    name: 'Михаил Гуревич',
    en: 'Mikhail Gurevich',
    born: '1893-01-12',
    died: '1976-11-25',
    nationality: 'СССР',
    bureau: 'okb-mikoyan',
    biography: 'Соавтор истребителей МиГ, отвечал за расчёты и аэродинамику.',
  },
  {
    slug: 'pavel-sukhoi',
    name: 'Павел Сухой',
    en: 'Pavel Sukhoi',
    born: '1895-07-22',
    died: '1975-09-15',
    nationality: 'СССР',
    bureau: 'okb-sukhoi',
    biography: 'Конструктор сверхзвуковых истребителей и перехватчиков; его бюро после его смерти создало Су-27.',
  },
  {
    slug: 'alexander-yakovlev',
    name: 'Александр Яковлев',
    en: 'Alexander Yakovlev',
    born: '1906-04-01',
    died: '1989-08-22',
    nationality: 'СССР',
    bureau: 'okb-yakovlev',
    biography: 'Начинал с лёгких спортивных самолётов, а в шестидесятые построил Як-40 для местных линий.',
  },
  {
    slug: 'mikhail-mil',
    name: 'Михаил Миль',
    en: 'Mikhail Mil',
    born: '1909-11-22',
    died: '1970-01-31',
    nationality: 'СССР',
    bureau: 'okb-mil',
    biography: 'Главный советский вертолётчик: от Ми-1 до самого массового вертолёта в мире, Ми-8.',
  },
  {
    slug: 'oleg-antonov',
    name: 'Олег Антонов',
    en: 'Oleg Antonov',
    born: '1906-02-07',
    died: '1984-04-04',
    nationality: 'СССР',
    bureau: 'okb-antonov',
    biography: 'Планерист по призванию; его бюро в Киеве строило всё, от Ан-2 до гигантских транспортников.',
  },
  {
    slug: 'georgy-beriev',
    name: 'Георгий Бериев',
    en: 'Georgy Beriev',
    born: '1903-02-13',
    died: '1979-07-12',
    nationality: 'СССР',
    bureau: 'okb-beriev',
    biography: 'Посвятил жизнь гидросамолётам и летающим лодкам; бюро работало в Таганроге.',
  },
  {
    slug: 'joe-sutter',
    name: 'Джо Саттер',
    en: 'Joe Sutter',
    born: '1921-03-21',
    died: '2016-08-30',
    nationality: 'США',
    biography: 'Инженер Boeing, руководивший созданием Boeing 747.',
  },
]

export const SEED_PERSONALITIES: SeedPersonality[] = [
  {
    slug: 'valery-chkalov',
    name: 'Валерий Чкалов',
    en: 'Valery Chkalov',
    roles: ['pilot', 'test_pilot'],
    born: '1904-02-02',
    died: '1938-12-15',
    nationality: 'СССР',
    biography: 'Лётчик-испытатель, командир экипажа беспосадочного перелёта из Москвы в США через Северный полюс.',
  },
  {
    slug: 'eduard-elyan',
    name: 'Эдуард Елян',
    en: 'Eduard Elyan',
    roles: ['test_pilot'],
    born: '1926-06-18',
    died: '2009-05-12',
    nationality: 'СССР',
    biography: 'Лётчик-испытатель, поднявший в воздух первый Ту-144.',
  },
  {
    slug: 'yuri-gagarin',
    name: 'Юрий Гагарин',
    en: 'Yuri Gagarin',
    roles: ['pilot', 'cosmonaut'],
    born: '1934-03-09',
    died: '1968-03-27',
    nationality: 'СССР',
    biography: 'Военный лётчик и первый человек в космосе.',
  },
]

export const SEED_AIRCRAFT: SeedAircraft[] = [
  {
    slug: 'an-2',
    name: 'Ан-2',
    designation: 'Ан-2',
    role: 'utility',
    status: 'in_service',
    firstFlight: '1947-08-31',
    numberBuilt: 18000,
    manufacturer: 'pzl-mielec',
    bureau: 'okb-antonov',
    designers: ['oleg-antonov'],
    icaoCode: 'AN2',
    description: 'Биплан с одним поршневым двигателем, который садится почти на любую поляну. Большую часть машин построили в Польше.',
  },
  {
    slug: 'an-225',
    name: 'Ан-225 «Мрия»',
    en: 'An-225 Mriya',
    designation: 'Ан-225',
    role: 'transport',
    status: 'retired',
    firstFlight: '1988-12-21',
    numberBuilt: 1,
    manufacturer: 'kiev-aircraft-plant',
    bureau: 'okb-antonov',
    designers: ['oleg-antonov'],
    icaoCode: 'A225',
    description:
      'Шестимоторный транспортный самолёт, построенный для перевозки орбитального корабля «Буран». Существовал в единственном экземпляре.',
  },
  {
    slug: 'tu-144',
    name: 'Ту-144',
    designation: 'Ту-144',
    role: 'airliner',
    status: 'retired',
    firstFlight: '1968-12-31',
    numberBuilt: 16,
    manufacturer: 'voronezh-aircraft-plant',
    bureau: 'okb-tupolev',
    designers: ['alexei-tupolev', 'andrei-tupolev'],
    icaoCode: 'T144',
    description: 'Первый в мире сверхзвуковой пассажирский самолёт, взлетевший на два месяца раньше «Конкорда».',
  },
  {
    slug: 'tu-154',
    name: 'Ту-154',
    designation: 'Ту-154',
    role: 'airliner',
    status: 'retired',
    firstFlight: '1968-10-03',
    numberBuilt: 1026,
    manufacturer: 'aviakor',
    bureau: 'okb-tupolev',
    designers: ['andrei-tupolev'],
    icaoCode: 'T154',
    description: 'Трёхдвигательный среднемагистральный лайнер, десятилетиями составлявший основу парка Аэрофлота.',
  },
  {
    slug: 'tu-95',
    name: 'Ту-95',
    designation: 'Ту-95',
    role: 'bomber',
    status: 'in_service',
    firstFlight: '1952-11-12',
    numberBuilt: 500,
    manufacturer: 'aviakor',
    bureau: 'okb-tupolev',
    designers: ['andrei-tupolev'],
    icaoCode: 'TU95',
    description: 'Стратегический бомбардировщик с четырьмя турбовинтовыми двигателями и соосными винтами.',
  },
  {
    slug: 'il-2',
    name: 'Ил-2',
    designation: 'Ил-2',
    role: 'attack',
    status: 'retired',
    numberBuilt: 36000,
    bureau: 'okb-ilyushin',
    designers: ['sergey-ilyushin'],
    description: 'Бронированный штурмовик Второй мировой войны, самый массовый боевой самолёт в истории.',
  },
  {
    slug: 'il-62',
    name: 'Ил-62',
    designation: 'Ил-62',
    role: 'airliner',
    status: 'retired',
    firstFlight: '1963-01-02',
    numberBuilt: 292,
    manufacturer: 'kazan-aircraft-plant',
    bureau: 'okb-ilyushin',
    designers: ['sergey-ilyushin'],
    icaoCode: 'IL62',
    description: 'Первый советский дальнемагистральный реактивный лайнер, с четырьмя двигателями в хвосте.',
  },
  {
    slug: 'il-76',
    name: 'Ил-76',
    designation: 'Ил-76',
    role: 'transport',
    status: 'in_production',
    firstFlight: '1971-03-25',
    numberBuilt: 960,
    manufacturer: 'tashkent-aircraft-plant',
    bureau: 'okb-ilyushin',
    designers: ['sergey-ilyushin'],
    icaoCode: 'IL76',
    description: 'Военно-транспортный самолёт, способный работать с грунтовых аэродромов.',
  },
  {
    slug: 'mig-15',
    name: 'МиГ-15',
    en: 'MiG-15',
    designation: 'МиГ-15',
    role: 'fighter',
    status: 'retired',
    firstFlight: '1947-12-30',
    numberBuilt: 13000,
    bureau: 'okb-mikoyan',
    designers: ['artem-mikoyan', 'mikhail-gurevich'],
    description: 'Реактивный истребитель со стреловидным крылом, один из самых массовых реактивных самолётов.',
  },
  {
    slug: 'mig-21',
    name: 'МиГ-21',
    en: 'MiG-21',
    designation: 'МиГ-21',
    role: 'fighter',
    status: 'in_service',
    firstFlight: '1955-02-14',
    numberBuilt: 11000,
    bureau: 'okb-mikoyan',
    designers: ['artem-mikoyan', 'mikhail-gurevich'],
    icaoCode: 'MG21',
    description: 'Лёгкий сверхзвуковой истребитель с треугольным крылом, состоявший на вооружении почти шестидесяти стран.',
  },
  {
    slug: 'mig-29',
    name: 'МиГ-29',
    en: 'MiG-29',
    designation: 'МиГ-29',
    role: 'fighter',
    status: 'in_service',
    firstFlight: '1977-10-06',
    numberBuilt: 1600,
    bureau: 'okb-mikoyan',
    designers: ['artem-mikoyan'],
    icaoCode: 'MG29',
    description: 'Фронтовой истребитель четвёртого поколения, манёвренный и простой в обслуживании.',
  },
  {
    slug: 'su-27',
    name: 'Су-27',
    en: 'Su-27',
    designation: 'Су-27',
    role: 'fighter',
    status: 'in_service',
    firstFlight: '1977-05-20',
    numberBuilt: 680,
    bureau: 'okb-sukhoi',
    designers: ['pavel-sukhoi'],
    icaoCode: 'SU27',
    description: 'Тяжёлый истребитель с большой дальностью, родоначальник целого семейства машин.',
  },
  {
    slug: 'yak-40',
    name: 'Як-40',
    en: 'Yak-40',
    designation: 'Як-40',
    role: 'airliner',
    status: 'retired',
    firstFlight: '1966-10-21',
    numberBuilt: 1011,
    manufacturer: 'saratov-aircraft-plant',
    bureau: 'okb-yakovlev',
    designers: ['alexander-yakovlev'],
    icaoCode: 'YK40',
    description: 'Небольшой трёхдвигательный самолёт для местных линий и коротких полос.',
  },
  {
    slug: 'yak-42',
    name: 'Як-42',
    en: 'Yak-42',
    designation: 'Як-42',
    role: 'airliner',
    status: 'in_service',
    firstFlight: '1975-03-07',
    numberBuilt: 185,
    manufacturer: 'saratov-aircraft-plant',
    bureau: 'okb-yakovlev',
    designers: ['alexander-yakovlev'],
    icaoCode: 'YK42',
    description: 'Ближнемагистральный лайнер, задуманный как преемник устаревших винтовых машин.',
  },
  {
    slug: 'mi-8',
    name: 'Ми-8',
    en: 'Mi-8',
    designation: 'Ми-8',
    role: 'helicopter',
    status: 'in_production',
    firstFlight: '1961-07-09',
    numberBuilt: 17000,
    manufacturer: 'kazan-helicopters',
    bureau: 'okb-mil',
    designers: ['mikhail-mil'],
    icaoCode: 'MI8',
    description: 'Двухдвигательный многоцелевой вертолёт, самый массовый в мире.',
  },
  {
    slug: 'mi-24',
    name: 'Ми-24',
    en: 'Mi-24',
    designation: 'Ми-24',
    role: 'helicopter',
    status: 'in_service',
    firstFlight: '1969-09-19',
    numberBuilt: 2300,
    bureau: 'okb-mil',
    designers: ['mikhail-mil'],
    icaoCode: 'MI24',
    description: 'Ударный вертолёт с десантной кабиной: и штурмовик, и транспорт.',
  },
  {
    slug: 'be-12',
    name: 'Бе-12 «Чайка»',
    en: 'Be-12 Chaika',
    designation: 'Бе-12',
    role: 'flying_boat',
    status: 'retired',
    firstFlight: '1960-10-18',
    numberBuilt: 143,
    bureau: 'okb-beriev',
    designers: ['georgy-beriev'],
    description: 'Противолодочный самолёт-амфибия с крылом «чайка», поднимающим двигатели над волной.',
  },
  {
    slug: 'boeing-747',
    name: 'Boeing 747',
    designation: '747',
    role: 'airliner',
    status: 'in_service',
    firstFlight: '1969-02-09',
    numberBuilt: 1574,
    manufacturer: 'boeing',
    designers: ['joe-sutter'],
    icaoCode: 'B744',
    description: 'Первый широкофюзеляжный лайнер, сделавший дальние перелёты массовыми.',
  },
  {
    slug: 'concorde',
    name: 'Concorde',
    designation: 'Concorde',
    role: 'airliner',
    status: 'retired',
    firstFlight: '1969-03-02',
    numberBuilt: 20,
    manufacturer: 'bac-aerospatiale',
    designers: [],
    icaoCode: 'CONC',
    description: 'Англо-французский сверхзвуковой лайнер, летавший через Атлантику за три с половиной часа.',
  },
  {
    slug: 'douglas-dc-3',
    name: 'Douglas DC-3',
    designation: 'DC-3',
    role: 'airliner',
    status: 'retired',
    firstFlight: '1935-12-17',
    numberBuilt: 16000,
    manufacturer: 'douglas',
    designers: [],
    icaoCode: 'DC3',
    description:
      'Поршневой лайнер, впервые сделавший пассажирские перевозки прибыльными; с военными версиями построено более шестнадцати тысяч.',
  },
]

export const SEED_EVENTS: SeedEvent[] = [
  {
    slug: 'tu-144-first-flight',
    title: 'Первый полёт Ту-144',
    en: 'First flight of the Tu-144',
    date: '1968-12-31',
    location: 'Жуковский',
    aircraft: ['tu-144'],
    personalities: ['eduard-elyan'],
    description: 'В последний день 1968 года экипаж Эдуарда Еляна поднял в воздух первый сверхзвуковой пассажирский самолёт.',
  },
  {
    slug: 'concorde-first-flight',
    title: 'Первый полёт «Конкорда»',
    en: 'First flight of Concorde',
    date: '1969-03-02',
    location: 'Тулуза',
    aircraft: ['concorde'],
    personalities: [],
    description: 'Прототип 001 взлетел в Тулузе и пробыл в воздухе меньше получаса.',
  },
  {
    slug: 'chkalov-transpolar-flight',
    title: 'Перелёт Чкалова через Северный полюс',
    en: "Chkalov's transpolar flight",
    date: '1937-06-18',
    location: 'Москва — Ванкувер (штат Вашингтон)',
    aircraft: [],
    personalities: ['valery-chkalov'],
    description: 'Беспосадочный перелёт на АНТ-25 из Москвы в США через Северный полюс занял более шестидесяти часов.',
  },
  {
    slug: 'an-225-first-flight',
    title: 'Первый полёт Ан-225',
    en: 'First flight of the An-225',
    date: '1988-12-21',
    location: 'Киев',
    aircraft: ['an-225'],
    personalities: [],
    description: 'Самый тяжёлый самолёт своего времени впервые поднялся в воздух с заводского аэродрома в Киеве.',
  },
]

export const SEED_ARTICLES: SeedArticle[] = [
  {
    slug: 'supersonic-race',
    title: 'Сверхзвуковая гонка: Ту-144 и «Конкорд»',
    titleEn: 'The supersonic race: Tu-144 and Concorde',
    excerpt: 'Два сверхзвуковых лайнера взлетели с разницей в два месяца.',
    excerptEn: 'Two supersonic airliners flew two months apart.',
    category: 'history',
    tags: ['сверхзвук', 'лайнеры'],
    body: 'В конце шестидесятых две команды по разные стороны железного занавеса строили пассажирский самолёт, летающий быстрее звука.\n\nТу-144 взлетел 31 декабря 1968 года, «Конкорд» — 2 марта 1969 года. Советская машина оказалась первой, но регулярные перевозки продолжались недолго, тогда как «Конкорд» летал до 2003 года.',
    related: [
      { relationTo: 'aircraft', slug: 'tu-144' },
      { relationTo: 'aircraft', slug: 'concorde' },
      { relationTo: 'historical-events', slug: 'tu-144-first-flight' },
      { relationTo: 'historical-events', slug: 'concorde-first-flight' },
    ],
  },
  {
    slug: 'an-2-never-retires',
    title: 'Ан-2: самолёт, который не уходит на пенсию',
    titleEn: 'The An-2: the aircraft that never retires',
    excerpt: 'Биплан сороковых годов до сих пор работает в сельском хозяйстве и на севере.',
    excerptEn: 'A 1940s biplane still at work on farms and in the north.',
    category: 'civil-aviation',
    tags: ['биплан', 'малая авиация'],
    body: 'Ан-2 был первым самолётом бюро Олега Антонова. Простой биплан с большим крылом взлетает с короткой грунтовой полосы и садится на неё же.\n\nЕго строили в СССР, Польше и Китае, а летают на нём и сегодня.',
    related: [
      { relationTo: 'aircraft', slug: 'an-2' },
      { relationTo: 'designers', slug: 'oleg-antonov' },
      { relationTo: 'manufacturers', slug: 'pzl-mielec' },
    ],
  },
  {
    slug: 'tu-154-workhorse',
    title: 'Как Ту-154 стал рабочей лошадкой Аэрофлота',
    titleEn: 'How the Tu-154 became the workhorse of Aeroflot',
    excerpt: 'Тысяча с лишним самолётов и полвека службы.',
    excerptEn: 'More than a thousand aircraft and half a century of service.',
    category: 'civil-aviation',
    tags: ['лайнеры', 'Аэрофлот'],
    body: 'Ту-154 проектировали для быстрых рейсов на средние расстояния с аэродромов, где не всегда хорошие полосы.\n\nТри двигателя в хвосте и крепкое шасси сделали его универсальной машиной, которую выпускали в Куйбышеве более двадцати пяти лет.',
    related: [
      { relationTo: 'aircraft', slug: 'tu-154' },
      { relationTo: 'design-bureaus', slug: 'okb-tupolev' },
      { relationTo: 'manufacturers', slug: 'aviakor' },
    ],
  },
  {
    slug: 'il-76-flying-truck',
    title: 'Ил-76: грузовик с крыльями',
    titleEn: 'The Il-76: a truck with wings',
    excerpt: 'Транспортник, который садится на грунт.',
    excerptEn: 'A transport that lands on dirt strips.',
    category: 'military-aviation',
    tags: ['транспорт'],
    body: 'Ил-76 задумывали как самолёт, способный доставить груз туда, где нет бетонной полосы.\n\nВысокорасположенное крыло, мощная механизация и многоколёсное шасси позволили ему работать с грунтовых аэродромов.',
    related: [
      { relationTo: 'aircraft', slug: 'il-76' },
      { relationTo: 'designers', slug: 'sergey-ilyushin' },
    ],
  },
  {
    slug: 'mig-15-jet-age',
    title: 'МиГ-15 и начало реактивной эпохи',
    titleEn: 'The MiG-15 and the start of the jet age',
    excerpt: 'Стреловидное крыло и реактивный двигатель изменили воздушный бой.',
    excerptEn: 'Swept wings and a jet engine changed air combat.',
    category: 'military-aviation',
    tags: ['истребители', 'реактивная авиация'],
    body: 'МиГ-15 взлетел в последние дни 1947 года. Стреловидное крыло позволило ему приблизиться к скорости звука.\n\nМикоян и Гуревич получили машину, которую выпустили многими тысячами в нескольких странах.',
    related: [
      { relationTo: 'aircraft', slug: 'mig-15' },
      { relationTo: 'designers', slug: 'artem-mikoyan' },
      { relationTo: 'designers', slug: 'mikhail-gurevich' },
    ],
  },
  {
    slug: 'su-27-and-mig-29',
    title: 'Су-27 и МиГ-29: два ответа на один вопрос',
    titleEn: 'Su-27 and MiG-29: two answers to one question',
    excerpt: 'Тяжёлый и лёгкий истребители четвёртого поколения.',
    excerptEn: 'A heavy and a light fourth-generation fighter.',
    category: 'military-aviation',
    tags: ['истребители'],
    body: 'В 1977 году почти одновременно взлетели два новых истребителя: тяжёлый Су-27 и лёгкий МиГ-29.\n\nОба получили интегральную компоновку, а различались дальностью и размером.',
    related: [
      { relationTo: 'aircraft', slug: 'su-27' },
      { relationTo: 'aircraft', slug: 'mig-29' },
      { relationTo: 'design-bureaus', slug: 'okb-sukhoi' },
    ],
  },
  {
    slug: 'mil-helicopters',
    title: 'Вертолёты Миля: от Ми-8 до Ми-24',
    titleEn: 'Mil helicopters: from the Mi-8 to the Mi-24',
    excerpt: 'Как одно бюро стало главным вертолётным в стране.',
    excerptEn: 'How one bureau became the country’s main helicopter maker.',
    category: 'helicopters',
    tags: ['вертолёты'],
    body: 'Михаил Миль начинал с автожиров, а его бюро выпустило самый массовый вертолёт в мире — Ми-8.\n\nНа основе его агрегатов был создан ударный Ми-24 с десантной кабиной.',
    related: [
      { relationTo: 'aircraft', slug: 'mi-8' },
      { relationTo: 'aircraft', slug: 'mi-24' },
      { relationTo: 'designers', slug: 'mikhail-mil' },
    ],
  },
  {
    slug: 'an-225-mriya',
    title: 'Ан-225 «Мрия»: самый тяжёлый',
    titleEn: 'The An-225 Mriya: the heaviest',
    excerpt: 'Единственный экземпляр шестимоторного гиганта.',
    excerptEn: 'The only example of a six-engined giant.',
    category: 'history',
    tags: ['транспорт', 'рекорды'],
    body: 'Ан-225 строили для перевозки орбитального корабля «Буран» на спине фюзеляжа.\n\nПосле закрытия космической программы самолёт возил сверхтяжёлые грузы по всему миру.',
    related: [
      { relationTo: 'aircraft', slug: 'an-225' },
      { relationTo: 'historical-events', slug: 'an-225-first-flight' },
      { relationTo: 'design-bureaus', slug: 'okb-antonov' },
    ],
  },
  {
    slug: 'chkalov-north-pole',
    title: 'Через Северный полюс в Америку',
    titleEn: 'Over the North Pole to America',
    excerpt: 'Перелёт экипажа Чкалова в 1937 году.',
    excerptEn: "The Chkalov crew's flight of 1937.",
    category: 'history',
    tags: ['рекорды', 'перелёты'],
    body: 'В июне 1937 года экипаж Валерия Чкалова вылетел из Москвы и, пройдя над Северным полюсом, приземлился в Ванкувере, штат Вашингтон.\n\nПерелёт стал одним из самых известных событий довоенной авиации.',
    related: [
      { relationTo: 'personalities', slug: 'valery-chkalov' },
      { relationTo: 'historical-events', slug: 'chkalov-transpolar-flight' },
    ],
  },
  {
    slug: 'boeing-747-wide-body',
    title: 'Boeing 747 и широкофюзеляжная эпоха',
    titleEn: 'The Boeing 747 and the wide-body era',
    excerpt: 'Самолёт, сделавший дальние перелёты доступными.',
    excerptEn: 'The aircraft that made long-haul travel affordable.',
    category: 'civil-aviation',
    tags: ['лайнеры', 'широкофюзеляжные'],
    body: 'Команда Джо Саттера спроектировала Boeing 747 с двумя проходами в салоне и характерным «горбом» над кабиной.\n\nБольшая вместимость снизила стоимость места, и дальние перелёты стали массовыми.',
    related: [
      { relationTo: 'aircraft', slug: 'boeing-747' },
      { relationTo: 'designers', slug: 'joe-sutter' },
      { relationTo: 'manufacturers', slug: 'boeing' },
    ],
  },
]
