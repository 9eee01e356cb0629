using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Matching;

namespace Vouch.Tests.Unit.Matching;

public sealed class AdvocatePoolTests
{
    private static readonly DateOnly s_today = new(2026, 11, 22);
    private static readonly Guid s_industry = Guid.NewGuid();
    private static readonly Guid s_otherIndustry = Guid.NewGuid();
    private static readonly Guid s_product = Guid.NewGuid();
    private static readonly MatchActivity s_call = new(Guid.NewGuid(), "reference-call", "reference call", 30, SocialCapital.Affiliation);
    private static readonly MatchActivity s_caseStudy = new(Guid.NewGuid(), "case-study", "case study", 180, SocialCapital.Reputation);
    private static readonly MatchPolicy s_policy = new(AccountAsksPerQuarter: 4, NoAskDaysAfterSigning: 90, s_today);

    private static MatchCriteria Criteria(MatchActivity? activity = null, string? useCase = null) =>
        new(activity ?? s_call, s_today.AddDays(30), s_industry, [s_product], Region.Emea, UseCase: useCase);

    private static PooledAdvocate Advocate(
        string name, Guid? industry = null, bool product = false, Region region = Region.Apac, MatchActivity[]? agreed = null,
        BlackoutDates[]? blackouts = null, LedgerSummary ledger = default, string? story = null, Dictionary<string, int>? vocabulary = null)
    {
        var account = new CandidateAccount(Guid.NewGuid(), industry ?? s_otherIndustry, product ? [s_product] : [], region, null, null, [], null);
        var candidate = new MatchCandidate(Guid.NewGuid(), account, ConsentLevel.Written, null, [.. (agreed ?? [s_call]).Select(a => a.Id)], null,
            blackouts ?? [], SocialCapital.None, story);
        var terms = vocabulary is null ? [] : Matcher.Terms(story).Select(t => vocabulary.TryGetValue(t, out var id) ? id : vocabulary[t] = vocabulary.Count).Order().ToArray();
        return new PooledAdvocate(candidate, name, null, name + " Inc.", terms, ledger);
    }

    /// <summary>Thousands who fit in nothing but the activity, in ascending id order like the table.</summary>
    private static List<PooledAdvocate> Crowd(int count) => [.. Enumerable.Range(0, count).Select(i => Advocate($"Crowd {i}"))];

    private static AdvocatePool Pool(IReadOnlyCollection<PooledAdvocate> advocates, Dictionary<string, int>? vocabulary = null) =>
        new(advocates, vocabulary ?? [], new Dictionary<Guid, (int, int)>(), DateTimeOffset.UnixEpoch);

    [Fact]
    public void The_best_fitting_advocate_is_shortlisted_first_among_five_thousand_who_fit_less()
    {
        var crowd = Crowd(5_000);
        var best = Advocate("Best", s_industry, product: true, Region.Emea);
        var good = Advocate("Good", s_industry, product: false, Region.Emea);
        crowd.Insert(4_321, best);
        crowd.Add(good);

        var shortlist = Pool(crowd).Select(Criteria(), s_policy, allowed: 300, ruledOut: 50);

        Assert.Equal(300, shortlist.Allowed.Count);
        Assert.Equal(["Best", "Good"], shortlist.Allowed.Take(2).Select(a => a.Name));
        Assert.Empty(shortlist.RuledOut);
        var judged = Matcher.Match(Criteria(), shortlist.Allowed.Select(a => a.Candidate), [], s_policy);
        Assert.Equal(best.Candidate.ContactId, judged.Candidates[0].ContactId);
    }

    [Fact]
    public void Only_those_who_agreed_to_the_activity_are_considered()
    {
        var caseStudyOnly = Advocate("Case study only", s_industry, product: true, Region.Emea, agreed: [s_caseStudy]);

        var shortlist = Pool([caseStudyOnly, .. Crowd(10)]).Select(Criteria(), s_policy, 300, 50);

        Assert.DoesNotContain(caseStudyOnly, shortlist.Allowed);
        Assert.DoesNotContain(caseStudyOnly, shortlist.RuledOut);
        Assert.Equal(10, shortlist.Allowed.Count);
        Assert.Equal(["Case study only"], Pool([caseStudyOnly, .. Crowd(10)]).Select(Criteria(s_caseStudy), s_policy, 300, 50).Allowed.Select(a => a.Name));
    }

    [Fact]
    public void The_excluded_are_bounded_and_are_the_best_fitting_of_those_ruled_out()
    {
        var blackout = new BlackoutDates(s_today, s_today.AddDays(10));
        var ruledOut = Enumerable.Range(0, 2_000).Select(i => Advocate($"Away {i}", blackouts: [blackout])).ToList();
        var bestAway = Advocate("Best away", s_industry, product: true, Region.Emea, blackouts: [blackout]);
        var resting = Advocate("Resting", s_industry, product: true, Region.Emea,
            ledger: new LedgerSummary(new AskHistory(1, 5, s_today.AddDays(-3)), s_today.AddDays(27), Quarter.Of(s_today), 1));
        ruledOut.Insert(1_000, bestAway);
        ruledOut.Add(resting);

        var shortlist = Pool([.. ruledOut, .. Crowd(20)]).Select(Criteria(), s_policy, allowed: 300, ruledOut: 50);

        Assert.Equal(20, shortlist.Allowed.Count);
        Assert.Equal(50, shortlist.RuledOut.Count);
        Assert.Equal(["Best away", "Resting"], shortlist.RuledOut.Take(2).Select(a => a.Name));
        var judged = Matcher.Match(Criteria(), shortlist.RuledOut.Select(a => a.Candidate), [], s_policy);
        Assert.Equal(["blacked out until 2 December"], judged.Excluded.Single(e => e.ContactId == bestAway.Candidate.ContactId).Reasons);
    }

    [Fact]
    public void The_use_case_counts_through_the_pool_vocabulary_as_the_matcher_counts_it()
    {
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var story = Advocate("Story", story: "We migrated our onboarding and billing to it in six weeks.", vocabulary: vocabulary);
        var crowd = Enumerable.Range(0, 1_000).Select(i => Advocate($"Crowd {i}", story: "Reporting for the executives.", vocabulary: vocabulary)).ToList();
        var criteria = new MatchCriteria(s_call, s_today.AddDays(30), UseCase: "onboarding and billing migration");

        var shortlist = Pool([.. crowd, story], vocabulary).Select(criteria, s_policy, allowed: 5, ruledOut: 0);

        Assert.Equal("Story", shortlist.Allowed[0].Name);
        var expected = Matcher.Score(criteria, story.Candidate, [], s_today).Score;
        Assert.Equal(expected, (int)Math.Round(Matcher.Points(criteria, Matcher.Terms(criteria.UseCase).Count,
            Matcher.Terms(criteria.UseCase).Count(Matcher.Terms(story.Candidate.Story).Contains), story.Candidate, default, s_today, null), MidpointRounding.AwayFromZero));
    }

    [Fact]
    public void A_story_near_the_use_case_by_meaning_is_shortlisted_first_and_the_matcher_says_why()
    {
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var regional = Advocate("Regional", story: "Brought fourteen offices onto it one territory at a time.", vocabulary: vocabulary);
        var crowd = Enumerable.Range(0, 1_000).Select(i => Advocate($"Crowd {i}", story: "Reporting for the executives.", vocabulary: vocabulary)).ToList();
        var criteria = new MatchCriteria(s_call, s_today.AddDays(30), UseCase: "roll out across regional teams",
            StoryMeaning: new Dictionary<Guid, double> { [regional.Candidate.ContactId] = 0.61, [crowd[0].Candidate.ContactId] = 0.2 });

        var shortlist = Pool([.. crowd, regional], vocabulary).Select(criteria, s_policy, allowed: 5, ruledOut: 0);
        var explained = Matcher.Score(criteria, regional.Candidate, [], s_today);

        Assert.Equal("Regional", shortlist.Allowed[0].Name);
        Assert.True(explained.Score > Matcher.Score(criteria with { StoryMeaning = null }, regional.Candidate, [], s_today).Score);
        Assert.Contains("their story is about what the use case asks, in other words", explained.Reasons);
        Assert.DoesNotContain(Matcher.Score(criteria, crowd[0].Candidate, [], s_today).Reasons, r => r.Contains("story", StringComparison.Ordinal));
    }

    [Fact]
    public void A_full_account_this_quarter_rules_its_contacts_out_of_the_shortlist()
    {
        var advocate = Advocate("Busy account", s_industry, product: true, Region.Emea);
        var pool = new AdvocatePool([advocate], new Dictionary<string, int>(),
            new Dictionary<Guid, (int, int)> { [advocate.Candidate.Account.Id] = (Quarter.Of(s_today), 4) }, DateTimeOffset.UnixEpoch);

        var shortlist = pool.Select(Criteria(), s_policy, 300, 50);

        Assert.Empty(shortlist.Allowed);
        Assert.Equal(["Busy account"], shortlist.RuledOut.Select(a => a.Name));
    }

    [Fact]
    public void The_pool_orders_by_the_matcher_s_own_score_for_every_criterion_even_beyond_64_products_and_competitors()
    {
        var random = new Random(11);
        var products = Enumerable.Range(0, 70).Select(_ => Guid.NewGuid()).ToArray();
        var competitors = Enumerable.Range(0, 70).Select(i => $"Rival {i}").ToArray();
        var industries = new[] { s_industry, s_otherIndustry, Guid.NewGuid() };
        string[] countries = ["US", "de", "FR", "jp"];
        string[] stories = ["onboarding and billing", "billing migration in weeks", "executive reporting", ""];
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var advocates = Enumerable.Range(0, 600).Select(i =>
        {
            var account = new CandidateAccount(Guid.NewGuid(), random.Next(4) == 0 ? null : industries[random.Next(3)],
                [.. products.Where(_ => random.Next(20) == 0)], random.Next(5) == 0 ? null : (Region)random.Next(4),
                random.Next(5) == 0 ? null : countries[random.Next(4)], random.Next(4) == 0 ? null : random.Next(5, 30_000),
                [.. competitors.Where(_ => random.Next(25) == 0).Select(c => random.Next(2) == 0 ? $" {c.ToUpperInvariant()} " : c)], null);
            var story = stories[random.Next(stories.Length)];
            var candidate = new MatchCandidate(Guid.NewGuid(), account, ConsentLevel.Written, null, [s_call.Id], null, [],
                (SocialCapital)random.Next(32), story);
            var terms = Matcher.Terms(story).Select(t => vocabulary.TryGetValue(t, out var id) ? id : vocabulary[t] = vocabulary.Count).Order().ToArray();
            var lastAsked = random.Next(3) == 0 ? (DateOnly?)null : s_today.AddDays(-random.Next(1, 400));
            return new PooledAdvocate(candidate, $"Advocate {i}", null, "Account", terms,
                new LedgerSummary(new AskHistory(random.Next(3), 1 + random.Next(5), lastAsked), null, 0, 0));
        }).ToList();
        var criteria = new MatchCriteria(s_call, s_today.AddDays(30), industries[0], [products[3], products[66], products[68]], Region.Emea,
            "DE", 2_000, "rival 65", "billing and onboarding");

        var shortlist = Pool(advocates, vocabulary).Select(criteria, s_policy, allowed: 600, ruledOut: 0);

        Assert.Equal(600, shortlist.Allowed.Count);
        var useCase = Matcher.Terms(criteria.UseCase);
        var scores = shortlist.Allowed.Select(a => Matcher.Points(criteria, useCase.Count,
            useCase.Count(Matcher.Terms(a.Candidate.Story).Contains), a.Candidate, a.Ledger.History, s_today, null)).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.True(scores.Distinct().Count() > 100, "the criteria should spread the scores");
    }
}
