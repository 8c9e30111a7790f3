-- The interval a stated figure allows, defined once: `labour2016 validate` evaluates these
-- same macros (this file, which views.sql carries above its base views) for its arithmetic checks.
-- Half a unit of the last written digit ("61.80%" 0.005, "59%" 0.5, "116,960" 0.5); a whole
-- number ending in three or more zeros is read as rounded there ("640,000" 5,000, "168,000"
-- 500); a figure in words is read by its value ("half a million" 50,000); a numeral before
-- "thousand" or "million" by its last digit at that scale ("1.3 million" 50,000). "approximately"
-- widens it to twice that or 2% of the value, whichever is more; a bound is one-sided.
create or replace macro figure_digits(stated_as) as
    regexp_extract(replace(stated_as, ',', ''), '[0-9]+(\.[0-9]+)?');
create or replace macro rounding_unit(digits) as
    case when length(digits) - length(rtrim(digits, '0')) >= 3
         then pow(10, length(digits) - length(rtrim(digits, '0'))) else 1 end;
create or replace macro figure_scale(stated_as) as
    case when regexp_matches(lower(stated_as), '[0-9]\s+million') then 1e6
         when regexp_matches(lower(stated_as), '[0-9]\s+thousand') then 1e3 else 1 end;
create or replace macro figure_tolerance(stated_as, value, qualifier) as
    figure_scale(stated_as) * (case when figure_digits(stated_as) like '%.%'
          then 0.5 * pow(10, -length(split_part(figure_digits(stated_as), '.', 2)))
          else 0.5 * rounding_unit(case when figure_digits(stated_as) = ''
                                        then cast(cast(abs(value) as bigint) as varchar)
                                        else figure_digits(stated_as) end)
     end) * (case when qualifier = 'approximately' then 2 else 1 end);
create or replace macro figure_slack(stated_as, value, qualifier) as
    greatest(figure_tolerance(stated_as, value, qualifier),
             case when qualifier = 'approximately' then 0.02 * abs(value) else 0 end);
-- the bounds from a slack computed once (a macro's argument is copied wherever it is used)
create or replace macro slack_low(value, slack, qualifier) as
    case when qualifier in ('less_than', 'at_most') then cast('-inf' as double) else value - slack end;
create or replace macro slack_high(value, slack, qualifier) as
    case when qualifier in ('more_than', 'at_least') then cast('inf' as double) else value + slack end;
create or replace macro figure_low(stated_as, value, qualifier) as
    slack_low(value, figure_slack(stated_as, value, qualifier), qualifier);
create or replace macro figure_high(stated_as, value, qualifier) as
    slack_high(value, figure_slack(stated_as, value, qualifier), qualifier);
