/**
 * Roughly `GET /api/articles/:id?depth=1` for an anonymous reader in the default locale (ru): the
 * published article with its localized fields, its category and its related aircraft as documents
 * (their main row and localized name), tags and the cover id. Fewer populated fields than Payload
 * returns, so a generous ceiling.
 */
export const ARTICLE_SQL = `
select a.id, l.title, a.slug, l.excerpt, l.body, a.cover_id as cover,
  (select json_build_object('id', c.id, 'name', cl.name, 'slug', c.slug, 'description', cl.description,
            'order', c."order", 'updatedAt', c.updated_at, 'createdAt', c.created_at)
     from categories c join categories_locales cl on cl._parent_id = c.id and cl._locale = 'ru'
     where c.id = a.category_id) as category,
  coalesce((select json_agg(t.text order by t."order") from articles_texts t
            where t.parent_id = a.id and t.path = 'tags'), '[]'::json) as tags,
  coalesce((select json_agg(json_build_object('relationTo', 'aircraft', 'value',
              json_build_object('id', ac.id, 'name', acl.name, 'slug', ac.slug, 'designation', ac.designation,
                'role', ac.role, 'firstFlight', ac.first_flight, 'updatedAt', ac.updated_at, 'createdAt', ac.created_at,
                '_status', ac._status)) order by r."order")
            from articles_rels r join aircraft ac on ac.id = r.aircraft_id and ac._status = 'published'
            join aircraft_locales acl on acl._parent_id = ac.id and acl._locale = 'ru'
            where r.parent_id = a.id and r.path = 'related'), '[]'::json) as related,
  a.author_id as author, a.published_at as "publishedAt", a.workflow_status as "workflowStatus",
  a.updated_at as "updatedAt", a.created_at as "createdAt", a._status as "_status"
from articles a join articles_locales l on l._parent_id = a.id and l._locale = 'ru'
where a.id = $1 and a._status = 'published'`
