using Vouch.Features.Contacts;

namespace Vouch.Features.Matching;

/// <summary>One referenceable contact as the pool keeps it: what the rules and the score read, and what a seller sees.</summary>
/// <remarks>
/// StoryTerms: The story's search terms as numbers of the pool's vocabulary, sorted. Ledger: what the ledger said when
/// the pool was built; the matching reads the ledger again for those it shortlists.
/// </remarks>
public sealed record PooledAdvocate(MatchCandidate Candidate, string Name, string? Title, string AccountName, int[] StoryTerms, LedgerSummary Ledger);

/// <summary>A contact's asks as the pool last read them.</summary>
/// <remarks>
/// RestingUntil: The end of the latest rest period of a scheduled or completed ask. AsksInQuarter: Asks not released
/// in <c>Quarter</c>. AskedOn: The days of the asks not released, as the supply and demand report counts them.
/// </remarks>
public readonly record struct LedgerSummary(AskHistory History, DateOnly? RestingUntil, int Quarter, int AsksInQuarter, DateOnly[]? AskedOn = null)
{
    public static LedgerSummary Of(IReadOnlyCollection<PastAsk> ownAsks, DateOnly today)
    {
        DateOnly? resting = null;
        var quarter = Matching.Quarter.Of(today);
        var inQuarter = 0;
        foreach (var ask in ownAsks)
        {
            if (ask.State is AskState.Scheduled or AskState.Completed && ask.On.AddDays(ask.RestPeriodDays) is var until && (resting is null || until > resting))
            {
                resting = until;
            }
            if (ask.State != AskState.Released && Matching.Quarter.Of(ask.On) == quarter)
            {
                inQuarter++;
            }
        }
        return new LedgerSummary(
            AskHistory.Of(ownAsks, today), resting, quarter, inQuarter, [.. ownAsks.Where(a => a.State != AskState.Released).Select(a => a.On)]);
    }
}

/// <summary>Whom the matching should judge: the best-fitting contacts the rules seem to allow, and the best-fitting they rule out.</summary>
public sealed record Shortlist(IReadOnlyList<PooledAdvocate> Allowed, IReadOnlyList<PooledAdvocate> RuledOut);

/// <summary>
/// Every referenceable contact in memory, grouped by the activities they agreed to, so that a request is matched against
/// all of them and not against whichever the database returns first. The pool only chooses whom to judge: the rules
/// that need no ledger and the score are applied to everyone who agreed to the activity, with the ledger as it was when
/// the pool was built; the best are then judged by <see cref="Matcher"/> against the ledger as it is.
/// </summary>
/// <remarks>
/// Tens of thousands of contacts are tried for every request, so each group keeps, next to the advocates, one compact
/// row per advocate in an array (<see cref="Fit"/>): the account's industry, country, products and competitors as
/// numbers and bits, read in order without following a reference per contact. The score is
/// <see cref="Matcher.Points{TFit}"/> itself, reading those rows. The rules that depend on the day alone are judged
/// once a day per group.
/// </remarks>
public sealed class AdvocatePool
{
    private readonly Dictionary<Guid, Group> _byActivity;
    private readonly IReadOnlyDictionary<string, int> _vocabulary;
    private readonly IReadOnlyDictionary<Guid, (int Quarter, int Asks)> _accountAsks;
    private readonly Numbering<Guid> _industries = new(EqualityComparer<Guid>.Default);
    private readonly Numbering<Guid> _products = new(EqualityComparer<Guid>.Default);
    private readonly Numbering<string> _countries = new(StringComparer.OrdinalIgnoreCase);
    private readonly Numbering<string> _competitors = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A pool of <paramref name="advocates"/>; <paramref name="vocabulary"/> numbers every story term as
    /// <see cref="PooledAdvocate.StoryTerms"/> use them; <paramref name="accountAsks"/> are, per account, the asks not
    /// released in the quarter of <paramref name="builtAt"/>.
    /// </summary>
    public AdvocatePool(
        IReadOnlyCollection<PooledAdvocate> advocates, IReadOnlyDictionary<string, int> vocabulary,
        IReadOnlyDictionary<Guid, (int Quarter, int Asks)> accountAsks, DateTimeOffset builtAt)
    {
        Advocates = [.. advocates];
        _vocabulary = vocabulary;
        _accountAsks = accountAsks;
        _byActivity = advocates
            .SelectMany(a => a.Candidate.AgreedActivityIds.Select(activity => (activity, a)))
            .GroupBy(p => p.activity, p => p.a)
            .ToDictionary(g => g.Key, g => new Group([.. g], this));
        BuiltAt = builtAt;
    }

    public int Count => Advocates.Count;

    /// <summary>Every referenceable contact of the pool, in the order they were read.</summary>
    public IReadOnlyList<PooledAdvocate> Advocates { get; }

    public DateTimeOffset BuiltAt { get; }

    /// <summary>The numbers of the story terms; a pool made from this one numbers new terms after them.</summary>
    public IReadOnlyDictionary<string, int> Vocabulary => _vocabulary;

    /// <summary>
    /// This pool with the advocates <paramref name="leaving"/> taken out and <paramref name="arriving"/> put in, their
    /// story terms numbered by <paramref name="vocabulary"/> (this pool's, extended); the accounts' asks stay as they were.
    /// </summary>
    public AdvocatePool With(
        Func<PooledAdvocate, bool> leaving, IReadOnlyCollection<PooledAdvocate> arriving, IReadOnlyDictionary<string, int> vocabulary) =>
        new([.. Advocates.Where(a => !leaving(a)), .. arriving], vocabulary, _accountAsks, BuiltAt);

    /// <summary>
    /// The <paramref name="allowed"/> best-fitting contacts the rules allow as far as the pool can tell, and the
    /// <paramref name="ruledOut"/> best-fitting they do not, each best first. Only contacts who agreed to the activity
    /// are considered: the others are ruled out by their own word.
    /// </summary>
    public Shortlist Select(MatchCriteria criteria, MatchPolicy policy, int allowed, int ruledOut)
    {
        if (!_byActivity.TryGetValue(criteria.Activity.Id, out var group))
        {
            return new Shortlist([], []);
        }
        var request = Request.Of(criteria, this);
        var allowedToday = group.AllowedOn(policy);
        var best = new Best(allowed);
        var bestRuledOut = new Best(ruledOut);
        var fits = group.Fits;
        var shared = group.SharedTerms(request.TermIds);
        var meaning = group.StoryMeaning(criteria.StoryMeaning);
        for (var i = 0; i < fits.Length; i++)
        {
            var score = Matcher.Points(criteria, request.UseCaseTerms, new PooledFit(fits, i, request, shared, meaning), policy.Today, null);
            var advocate = group.Advocates[i];
            var allows = allowedToday[i] && !(fits[i].HasBlackouts && AskRules.IsBlackedOut(criteria, advocate.Candidate, policy.Today));
            (allows ? best : bestRuledOut).Offer(advocate, score);
        }
        return new Shortlist(best.InOrder(), bestRuledOut.InOrder());
    }

    /// <summary>The rules that need no request, with the ledger as the pool read it: everything but the activity and blackouts.</summary>
    private bool AllowsOnTheDay(PooledAdvocate advocate, MatchPolicy policy)
    {
        if (!AskRules.AllowsOnTheDay(advocate.Candidate, policy))
        {
            return false;
        }
        var ledger = advocate.Ledger;
        var quarter = Matching.Quarter.Of(policy.Today);
        if (ledger.RestingUntil is { } resting && resting > policy.Today)
        {
            return false;
        }
        if (ledger.Quarter == quarter && advocate.Candidate.MaxAsksPerQuarter is { } max && ledger.AsksInQuarter >= max)
        {
            return false;
        }
        return !(_accountAsks.TryGetValue(advocate.Candidate.Account.Id, out var account) && account.Quarter == quarter && account.Asks >= policy.AccountAsksPerQuarter);
    }

    /// <summary>The advocates who agreed to one activity, with their compact rows in the same order.</summary>
    private sealed class Group
    {
        private readonly AdvocatePool _pool;
        private Day? _day;

        // For each story term, the advocates (by position) whose story has it.
        private readonly Dictionary<int, int[]> _postings;

        // Each advocate's position, to place the few whose story is near a use case by meaning; made on first use, so
        // a pool that never matches by meaning (no model) does not pay for it.
        private readonly Lazy<Dictionary<Guid, int>> _positions;

        public Group(PooledAdvocate[] advocates, AdvocatePool pool)
        {
            _pool = pool;
            Advocates = advocates;
            Fits = [.. advocates.Select(a => Fit.Of(a, pool))];
            _postings = advocates
                .SelectMany((a, i) => a.StoryTerms.Select(term => (term, i)))
                .GroupBy(p => p.term, p => p.i)
                .ToDictionary(g => g.Key, g => g.ToArray());
            _positions = new(() => advocates.Select((a, i) => (a.Candidate.ContactId, i)).ToDictionary(p => p.ContactId, p => p.i));
        }

        public PooledAdvocate[] Advocates { get; }
        public Fit[] Fits { get; }

        /// <summary>
        /// How many of <paramref name="terms"/> each advocate's story shares, by position; empty without terms. Read
        /// from the postings, so a use case costs in proportion to the stories that share its words.
        /// </summary>
        public ushort[] SharedTerms(int[] terms)
        {
            if (terms.Length == 0)
            {
                return [];
            }
            var shared = new ushort[Advocates.Length];
            foreach (var term in terms)
            {
                if (_postings.TryGetValue(term, out var advocates))
                {
                    foreach (var i in advocates)
                    {
                        shared[i]++;
                    }
                }
            }
            return shared;
        }

        /// <summary>
        /// The cosine of each advocate's story with the use case, by position; empty when the request has no use case
        /// by meaning. Only the stories nearest to it have one (<see cref="MatchCriteria.StoryMeaning"/>), so this costs
        /// in proportion to them, not to the pool.
        /// </summary>
        public float[] StoryMeaning(IReadOnlyDictionary<Guid, double>? nearest)
        {
            if (nearest is null || nearest.Count == 0)
            {
                return [];
            }
            var meaning = new float[Advocates.Length];
            var positions = _positions.Value;
            foreach (var (contactId, cosine) in nearest)
            {
                if (positions.TryGetValue(contactId, out var i))
                {
                    meaning[i] = (float)cosine;
                }
            }
            return meaning;
        }

        /// <summary>Who the day's rules allow under <paramref name="policy"/>, judged once per day and policy.</summary>
        public bool[] AllowedOn(MatchPolicy policy)
        {
            if (Volatile.Read(ref _day) is { } day && day.Policy == policy)
            {
                return day.Allowed;
            }
            var allowed = Advocates.Select(a => _pool.AllowsOnTheDay(a, policy)).ToArray();
            Volatile.Write(ref _day, new Day(policy, allowed));
            return allowed;
        }

        private sealed record Day(MatchPolicy Policy, bool[] Allowed);
    }

    /// <summary>One advocate as the score reads them, in numbers of the pool's own numberings.</summary>
    /// <remarks>
    /// Products and Competitors: one bit per number below 64; the rare higher numbers in MoreProducts and
    /// MoreCompetitors. Industry, Country, SizeBand and Region are -1 when the account has none.
    /// </remarks>
    private readonly record struct Fit(
        int Industry, int Country, int SizeBand, int Region, ulong Products, int[]? MoreProducts, ulong Competitors,
        int[]? MoreCompetitors, AskHistory History, SocialCapital Wants, bool HasBlackouts)
    {
        public static Fit Of(PooledAdvocate advocate, AdvocatePool pool)
        {
            var account = advocate.Candidate.Account;
            var (products, moreProducts) = Bits(account.ProductIds.Select(pool._products.Of));
            var (competitors, moreCompetitors) = Bits(account.CompetitorsReplaced.Select(c => pool._competitors.Of(c.Trim())));
            return new Fit(
                account.IndustryId is { } industry ? pool._industries.Of(industry) : -1,
                account.CountryCode is { } country ? pool._countries.Of(country) : -1,
                account.Employees is { } employees ? Matcher.SizeBand(employees) : -1,
                account.Region is { } region ? (int)region : -1,
                products,
                moreProducts,
                competitors,
                moreCompetitors,
                advocate.Ledger.History,
                advocate.Candidate.Wants,
                advocate.Candidate.Blackouts.Count > 0);
        }
    }

    /// <summary>A request in the pool's numbers; a value the pool has never seen is a number no advocate has.</summary>
    private sealed record Request(
        int Industry, int Country, int SizeBand, int Region, ulong Products, int[] MoreProducts, int Competitor, int UseCaseTerms, int[] TermIds)
    {
        public static Request Of(MatchCriteria criteria, AdvocatePool pool)
        {
            var (products, moreProducts) = Bits(criteria.Products.Select(p => pool._products.Find(p)).Where(n => n >= 0));
            var terms = Matcher.Terms(criteria.UseCase);
            return new Request(
                criteria.IndustryId is { } industry ? pool._industries.Find(industry) : -1,
                criteria.CountryCode is { } country ? pool._countries.Find(country) : -1,
                criteria.Employees is { } employees ? Matcher.SizeBand(employees) : -1,
                criteria.Region is { } region ? (int)region : -1,
                products,
                moreProducts ?? [],
                criteria.Competitor is { } competitor ? pool._competitors.Find(competitor.Trim()) : -1,
                terms.Count,
                [.. terms.Select(t => pool._vocabulary.TryGetValue(t, out var id) ? id : -1).Where(id => id >= 0)]);
        }
    }

    /// <summary>How one compact row fits one request.</summary>
    private readonly struct PooledFit(Fit[] fits, int index, Request request, ushort[] shared, float[] meaning) : ICandidateFit
    {
        private ref readonly Fit Row => ref fits[index];

        public bool SameIndustry => request.Industry >= 0 && Row.Industry == request.Industry;

        public int SharedProducts =>
            System.Numerics.BitOperations.PopCount(Row.Products & request.Products)
            + (Row.MoreProducts is { } more && request.MoreProducts.Length > 0 ? more.Count(request.MoreProducts.Contains) : 0);

        public bool SameCountry => request.Country >= 0 && Row.Country == request.Country;

        public bool SameRegion => request.Region >= 0 && Row.Region == request.Region;

        public int? SizeBandsApart => Row.SizeBand >= 0 && request.SizeBand >= 0 ? Math.Abs(Row.SizeBand - request.SizeBand) : null;

        public bool ReplacedCompetitor => request.Competitor switch
        {
            < 0 => false,
            < 64 => (Row.Competitors & (1UL << request.Competitor)) != 0,
            _ => Row.MoreCompetitors is { } more && more.Contains(request.Competitor),
        };

        public int SharedTerms => shared.Length == 0 ? 0 : shared[index];

        public double StoryMeaning => meaning.Length == 0 ? 0 : meaning[index];

        public AskHistory History => Row.History;

        public SocialCapital Wants => Row.Wants;
    }

    /// <summary>Numbers below 64 as bits of one word, the rest listed.</summary>
    private static (ulong Bits, int[]? More) Bits(IEnumerable<int> numbers)
    {
        var bits = 0UL;
        List<int>? more = null;
        foreach (var number in numbers)
        {
            if (number < 64)
            {
                bits |= 1UL << number;
            }
            else
            {
                (more ??= []).Add(number);
            }
        }
        return (bits, more?.ToArray());
    }

    /// <summary>Numbers values in the order they are first seen.</summary>
    private sealed class Numbering<T>(IEqualityComparer<T> comparer) where T : notnull
    {
        private readonly Dictionary<T, int> _numbers = new(comparer);

        public int Of(T value) => _numbers.TryGetValue(value, out var number) ? number : _numbers[value] = _numbers.Count;

        /// <summary>The value's number, or -1 when no advocate has it.</summary>
        public int Find(T value) => _numbers.TryGetValue(value, out var number) ? number : -1;
    }

    /// <summary>The highest-scoring few of many, kept in a heap whose root is the weakest kept.</summary>
    private sealed class Best(int size)
    {
        private readonly PriorityQueue<PooledAdvocate, double> _kept = new(size + 1);

        public void Offer(PooledAdvocate advocate, double score)
        {
            if (size == 0)
            {
                return;
            }
            if (_kept.Count < size)
            {
                _kept.Enqueue(advocate, score);
            }
            else if (_kept.TryPeek(out _, out var weakest) && score > weakest)
            {
                _kept.EnqueueDequeue(advocate, score);
            }
        }

        public List<PooledAdvocate> InOrder()
        {
            var inOrder = new List<PooledAdvocate>(_kept.Count);
            while (_kept.TryDequeue(out var advocate, out _))
            {
                inOrder.Add(advocate);
            }
            inOrder.Reverse();
            return inOrder;
        }
    }
}
