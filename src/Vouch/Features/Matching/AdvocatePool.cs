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
        var quarter = Dates.QuarterOf(today);
        var inQuarter = 0;
        foreach (var ask in ownAsks)
        {
            if (ask.State is AskState.Scheduled or AskState.Completed && ask.On.AddDays(ask.RestPeriodDays) is var until && (resting is null || until > resting))
            {
                resting = until;
            }
            if (ask.State != AskState.Released && Dates.QuarterOf(ask.On) == quarter)
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
public sealed class AdvocatePool
{
    private readonly Dictionary<Guid, PooledAdvocate[]> _byActivity;
    private readonly IReadOnlyDictionary<string, int> _vocabulary;
    private readonly IReadOnlyDictionary<Guid, (int Quarter, int Asks)> _accountAsks;

    /// <summary>
    /// A pool of <paramref name="advocates"/>; <paramref name="vocabulary"/> numbers every story term as
    /// <see cref="PooledAdvocate.StoryTerms"/> use them; <paramref name="accountAsks"/> are, per account, the asks not
    /// released in the quarter of <paramref name="builtAt"/>; <paramref name="changes"/> is the count of saved changes read.
    /// </summary>
    public AdvocatePool(
        IReadOnlyCollection<PooledAdvocate> advocates, IReadOnlyDictionary<string, int> vocabulary,
        IReadOnlyDictionary<Guid, (int Quarter, int Asks)> accountAsks, DateTimeOffset builtAt, long changes = 0)
    {
        _vocabulary = vocabulary;
        _accountAsks = accountAsks;
        _byActivity = advocates
            .SelectMany(a => a.Candidate.AgreedActivityIds.Select(activity => (activity, a)))
            .GroupBy(p => p.activity, p => p.a)
            .ToDictionary(g => g.Key, g => g.ToArray());
        Advocates = [.. advocates];
        BuiltAt = builtAt;
        Changes = changes;
    }

    public int Count => Advocates.Count;

    /// <summary>Every referenceable contact of the pool, in the order they were read.</summary>
    public IReadOnlyList<PooledAdvocate> Advocates { get; }

    public DateTimeOffset BuiltAt { get; }

    /// <summary>How many saved changes to referenceability the pool has seen; a later change makes it out of date.</summary>
    public long Changes { get; }

    /// <summary>
    /// The <paramref name="allowed"/> best-fitting contacts the rules allow as far as the pool can tell, and the
    /// <paramref name="ruledOut"/> best-fitting they do not, each best first. Only contacts who agreed to the activity
    /// are considered: the others are ruled out by their own word.
    /// </summary>
    public Shortlist Select(MatchCriteria criteria, MatchPolicy policy, int allowed, int ruledOut)
    {
        if (!_byActivity.TryGetValue(criteria.Activity.Id, out var advocates))
        {
            return new Shortlist([], []);
        }
        var terms = Matcher.Terms(criteria.UseCase);
        var termIds = terms.Select(t => _vocabulary.TryGetValue(t, out var id) ? id : -1).Where(id => id >= 0).ToArray();
        var best = new Best(allowed);
        var bestRuledOut = new Best(ruledOut);
        foreach (var advocate in advocates)
        {
            var shared = 0;
            foreach (var term in termIds)
            {
                if (Array.BinarySearch(advocate.StoryTerms, term) >= 0)
                {
                    shared++;
                }
            }
            var score = Matcher.Points(criteria, terms.Count, shared, advocate.Candidate, advocate.Ledger.History, policy.Today, null);
            (Allows(criteria, advocate, policy) ? best : bestRuledOut).Offer(advocate, score);
        }
        return new Shortlist(best.InOrder(), bestRuledOut.InOrder());
    }

    private bool Allows(MatchCriteria criteria, PooledAdvocate advocate, MatchPolicy policy)
    {
        if (!AskRules.AllowsWithoutLedger(criteria, advocate.Candidate, policy))
        {
            return false;
        }
        var ledger = advocate.Ledger;
        var quarter = Dates.QuarterOf(policy.Today);
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
