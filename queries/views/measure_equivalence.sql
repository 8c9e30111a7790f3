-- view measure_equivalence: which differently named measures count the same thing when sources are compared?
-- grain: one row per measure that is compared under another name
create or replace view measure_equivalence as
select * from (values
    -- not turnout: ballots returned include rejected ones, so 2015's 422,871 turnout and its
    -- 422,664 valid first-stage votes are different measures, not a disagreement
    ('valid_votes', 'ballots_counted', 'valid votes, compared with votes cast'),
    ('votes_cast', 'ballots_counted', 'votes cast (the sources mean the valid votes), compared with valid votes')
    -- not applications: registered-supporter applications are not the supporters able to vote (the
    -- Sunderland Echo: "More than 50,000 applications ... were rejected"), so 183,541 v 129,000 is no disagreement
) as t(measure, compared_as, why);
