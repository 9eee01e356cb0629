using BenchmarkDotNet.Attributes;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Matching;

namespace Vouch.Benchmarks;

/// <summary>
/// The in-memory first pass of matching (<see cref="AdvocatePool.Select"/>): every referenceable contact who agreed to
/// the activity tried against the rules that need no ledger and scored, the best 300 kept. The pool is shaped like the
/// one <c>vouch seed --scale 1000000</c> gives: 100,000 referenceable contacts at 40,000 accounts, about half of them
/// agreed to reference calls.
/// </summary>
[MemoryDiagnoser]
public class MatchingBenchmarks
{
    private static readonly DateOnly s_today = new(2026, 11, 23);
    private static readonly Guid[] s_industries = [.. Enumerable.Range(1, 20).Select(Id)];
    private static readonly Guid[] s_products = [.. Enumerable.Range(100, 12).Select(Id)];
    private static readonly string[] s_competitors = ["AdvocatePro", "RefBase", "CustomerVoice", "Champion Hub", "Reference Desk"];
    private static readonly string[] s_countries = ["US", "CA", "BR", "MX", "DE", "FR", "GB", "NL", "JP", "AU", "IN", "SG"];
    private static readonly string[] s_words =
        ["onboarding", "accounts", "crm", "integration", "security", "review", "data", "residency", "analytics", "dashboards",
         "executives", "migration", "renewals", "pipeline", "forecast", "support", "tickets", "automation", "compliance", "audit"];

    private static readonly MatchActivity s_referenceCall = new(Id(1000), "reference-call", "reference call", 30, SocialCapital.Reputation | SocialCapital.Status);
    private static readonly MatchActivity s_caseStudy = new(Id(1001), "case-study", "case study", 90, SocialCapital.Reputation);

    private AdvocatePool _pool = null!;
    private readonly MatchPolicy _policy = new(4, 90, s_today);

    [Params(100_000)]
    public int Advocates { get; set; }

    [GlobalSetup]
    public void SetUp()
    {
        var random = new Random(7);
        var vocabulary = s_words.Select((word, i) => (word, i)).ToDictionary(w => w.word, w => w.i);
        var accounts = Enumerable.Range(0, Advocates * 2 / 5).Select(i => new CandidateAccount(
                Id(1_000_000 + i),
                s_industries[random.Next(s_industries.Length)],
                [.. s_products.Where(_ => random.Next(4) == 0)],
                (Region)random.Next(4),
                s_countries[random.Next(s_countries.Length)],
                random.Next(10, 50_000),
                random.Next(3) == 0 ? [s_competitors[random.Next(s_competitors.Length)]] : [],
                s_today.AddDays(-random.Next(30, 3_000))))
            .ToArray();
        var advocates = Enumerable.Range(0, Advocates).Select(i =>
        {
            var account = accounts[random.Next(accounts.Length)];
            MatchActivity[] agreed = random.Next(2) == 0 ? [s_referenceCall, s_caseStudy] : [s_caseStudy];
            var story = Enumerable.Range(0, random.Next(0, 12)).Select(_ => random.Next(s_words.Length)).Distinct().Order().ToArray();
            var candidate = new MatchCandidate(
                Id(2_000_000 + i), account, ConsentLevel.Written,
                random.Next(5) == 0 ? s_today.AddDays(random.Next(-200, 700)) : null,
                [.. agreed.Select(a => a.Id)],
                random.Next(3) == 0 ? random.Next(1, 4) : null,
                random.Next(20) == 0 ? [new BlackoutDates(s_today.AddDays(random.Next(-30, 60)), s_today.AddDays(random.Next(60, 120)))] : [],
                (SocialCapital)random.Next(32),
                string.Join(' ', story.Select(w => s_words[w])));
            var lastAsked = random.Next(3) == 0 ? (DateOnly?)null : s_today.AddDays(-random.Next(1, 700));
            var history = new AskHistory(random.Next(4), 1 + random.NextDouble() * 4, lastAsked);
            return new PooledAdvocate(candidate, $"Advocate {i}", "Director", "Account", story,
                new LedgerSummary(history, lastAsked?.AddDays(30), Quarter.Of(s_today), random.Next(3)));
        }).ToArray();
        _pool = new AdvocatePool(advocates, vocabulary, new Dictionary<Guid, (int, int)>(), DateTimeOffset.UtcNow);
    }

    [Benchmark(Baseline = true, Description = "reference call, no criteria")]
    public int NoCriteria() => Select(new MatchCriteria(s_referenceCall, s_today.AddDays(21)));

    [Benchmark(Description = "reference call, every criterion and a use case")]
    public int EveryCriterion() => Select(new MatchCriteria(
        s_referenceCall, s_today.AddDays(21), s_industries[1], [s_products[1], s_products[2]], Region.NorthAmerica, "US", 1_500,
        "AdvocatePro", "onboarding new accounts with the CRM integration"));

    [Benchmark(Description = "case study, industry and region")]
    public int CaseStudy() => Select(new MatchCriteria(s_caseStudy, s_today.AddDays(21), s_industries[2], Region: Region.NorthAmerica));

    private int Select(MatchCriteria criteria)
    {
        var shortlist = _pool.Select(criteria, _policy, 300, 50);
        return shortlist.Allowed.Count == 0 ? throw new InvalidOperationException("The pool allowed nobody to measure.") : shortlist.Allowed.Count;
    }

    private static Guid Id(int n) => new($"00000000-0000-0000-0000-{n:D12}");
}
