-- view statements_by_speaker: who is quoted or reported, how often, and in which sources?
-- grain: one row per speaker (every statement with no named speaker together, as '(not named)')
create or replace view statements_by_speaker as
select coalesce(s.speaker_id, '(not named)') as speaker_id,
       coalesce(n.name, '(not named)') as speaker_name,
       count(*) as statements,
       count(*) filter (where s.kind = 'direct_quote') as direct_quotes,
       count(*) filter (where s.kind = 'partial_quote') as partial_quotes,
       count(*) filter (where s.kind = 'reported_speech') as reported_speech,
       string_agg(distinct s.speaker_as_named, '; ' order by s.speaker_as_named) as named_as,
       string_agg(distinct s.source_id, ', ' order by s.source_id) as source_ids
from statements s left join entities n on n.entity_id = s.speaker_id
group by all;
