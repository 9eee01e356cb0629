using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Ideas;
using Vouch.Features.Ideas.Ranking;
using Vouch.Features.Tokens;
using Vouch.Features.Users;

namespace Vouch.Seeding;

/// <summary>What an idea seeding wrote, and the plain text of the access tokens it made (for a load run).</summary>
public sealed record IdeaScaleSummary(IReadOnlyList<ScaleTableLoad> Tables, IReadOnlyList<SeedStep> Steps, TimeSpan Elapsed, IReadOnlyList<string> Tokens)
{
    public long Rows => Tables.Sum(t => t.Rows);
}

/// <summary>One step of a seeding besides writing rows (computing, building an index, committing), and how long it took.</summary>
public sealed record SeedStep(string Name, TimeSpan Elapsed);

/// <summary>
/// A large synthetic idea exchange for measuring the board, similar-idea search and voting: N ideas with M votes from
/// generated voters (advocates without a password), every derived record (tallies, hot scores, demand per facet, search
/// terms, the authors' follows) computed by the same code the app uses for one vote, so the data is what the app would
/// have built vote by vote. The same seed gives the same records (dates are relative to the day of seeding).
/// </summary>
/// <remarks>
/// Like <see cref="ScaleData"/> the rows bypass EF Core (binary COPY on PostgreSQL, one prepared INSERT per table on
/// SQLite, all in one transaction) and so write no audit entries. The secondary indexes of the loaded tables are dropped
/// for the load and built again at the end, which is much faster than keeping them up to date row by row. When the
/// database has contacts (<c>seed --scale</c>), a share of the voters are linked to them, so their votes carry their
/// accounts' value and the value sort and the segment and industry filters have something to sort.
/// </remarks>
public sealed class IdeaScaleData(VouchDbContext db, DatabaseSettings settings, HotScore hot, TimeProvider clock)
{
    public const int MaxIdeas = 10_000_000;
    public const long MaxVotes = 200_000_000;
    public const string VoterEmailDomain = "voters.vouch.example";

    /// <summary>A voter votes for this many ideas on average; the number of voters follows from it.</summary>
    private const int VotesPerVoter = 200;

    /// <summary>The share of voters who are a customer's contact, when the database has contacts.</summary>
    private const double CustomerShare = 0.3;

    private const int ProgressEvery = 1_000_000;

    private static readonly string[] s_verbs =
    [
        "Export", "Import", "Filter", "Sort", "Share", "Schedule", "Bulk edit", "Search", "Sync", "Archive", "Tag", "Print",
        "Duplicate", "Merge", "Approve", "Comment on", "Attach files to", "Track changes to", "Get notified about", "Translate",
        "Lock", "Restore deleted", "Preview", "Pin", "Group", "Compare", "Assign", "Rename", "Embed", "Encrypt",
    ];

    private static readonly string[] s_objects =
    [
        "reports", "dashboards", "contacts", "accounts", "invoices", "tasks", "calendars", "reference requests", "case studies",
        "surveys", "deals", "projects", "documents", "email templates", "customer stories", "activity logs", "user permissions",
        "forms", "charts", "meeting notes", "quotes", "webinars", "testimonials", "advocates", "campaigns", "renewals",
        "support tickets", "product areas", "nps answers", "reference calls", "rewards", "badges", "events", "playbooks",
        "segments", "territories", "saved views", "custom fields", "workflows", "approvals",
    ];

    private static readonly string[] s_qualifiers =
    [
        "to CSV", "to Excel", "by date", "by owner", "from the mobile app", "in bulk", "with Salesforce", "with Slack",
        "with Microsoft Teams", "as PDF", "every week", "for a whole team", "offline", "in dark mode", "by region",
        "with one click", "through the API", "in Spanish", "from Google Drive", "on the dashboard", "with HubSpot",
        "by keyboard shortcut", "for external guests", "with an audit trail", "in the browser extension", "by industry",
        "with Zapier", "every month", "as a calendar feed", "for executives",
    ];

    private static readonly string[] s_reasons =
    [
        "We lose an hour every week doing this by hand.", "Our executives ask for this before every quarterly review.",
        "Customers keep asking our team about it.", "It would save our reference managers a lot of copying.",
        "Other tools we use already do this.", "Without it we keep a spreadsheet on the side.",
        "This blocks the rollout to our second region.", "Our security team requires it.",
    ];

    /// <summary>How many voters <paramref name="votes"/> votes come from: one for every so many votes, at least a thousand.</summary>
    public static int VotersFor(long votes) => (int)Math.Clamp(votes / VotesPerVoter, 1_000, 10_000_000);

    /// <summary>Seeding writes only into a database without ideas, so scale data never mixes with real ideas.</summary>
    public Task<bool> HasIdeasAsync(CancellationToken ct = default) => db.Ideas.AnyAsync(ct);

    /// <summary>
    /// Seeds <paramref name="ideas"/> ideas and <paramref name="votes"/> votes, and <paramref name="tokens"/> access tokens
    /// for as many of the voters; returns null (and writes nothing) when the database already has ideas.
    /// </summary>
    public async Task<IdeaScaleSummary?> SeedAsync(int ideas, long votes, int tokens, Action<ScaleProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ideas);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ideas, MaxIdeas);
        ArgumentOutOfRangeException.ThrowIfNegative(votes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(votes, MaxVotes);
        if (await HasIdeasAsync(ct))
        {
            return null;
        }
        var total = Stopwatch.StartNew();
        var now = clock.GetUtcNow();
        var voterCount = VotersFor(votes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tokens, voterCount);
        var voterRole = await db.Roles.Where(r => r.Name == Roles.Advocate).Select(r => r.Id).SingleAsync(ct);
        var products = await db.Products.AsNoTracking().OrderBy(p => p.Key).Select(p => p.Id).ToArrayAsync(ct);
        var accounts = (await db.Accounts.AsNoTracking()
                .Select(a => new { a.Id, a.AnnualRevenue, a.GrossProfit, a.Segment, a.IndustryId })
                .ToListAsync(ct))
            .Select(a => new AccountValue(a.Id, (double)(a.AnnualRevenue ?? 0), (double)(a.GrossProfit ?? 0), a.Segment, a.IndustryId))
            .ToDictionary(a => a.Id);
        var contacts = await db.Contacts.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.AccountId }).ToListAsync(ct);
        var customerCount = Math.Min(contacts.Count, (int)(voterCount * CustomerShare));
        // Every so many contacts, so the customers among the voters come from many accounts.
        var customers = Enumerable.Range(0, customerCount).Select(i => contacts[(int)((long)i * contacts.Count / customerCount)]).ToList();

        var random = new Random(ScaleData.RandomSeed + 10);
        var userIds = new SequentialIds(random);
        var voters = new Voter[voterCount];
        for (var i = 0; i < voterCount; i++)
        {
            // Customers are spread over the voters, so every idea draws some of them.
            var customer = i % 3 == 0 && i / 3 < customers.Count ? customers[i / 3] : null;
            voters[i] = new Voter(userIds.Next(), customer?.Id, customer?.AccountId);
        }
        var plan = PlanIdeas(random, ideas, votes, voterCount, products, now);

        var steps = new List<SeedStep>();
        var step = Stopwatch.StartNew();
        // Every derived record of an idea comes from one draw of its votes, made once, on every core.
        var derived = plan.AsParallel().AsOrdered().WithCancellation(ct).Select(p => Derive(p, voters, accounts)).ToArray();
        var postings = Postings(derived);
        steps.Add(new SeedStep("votes, scores, demand and terms computed", step.Elapsed));

        var loads = new List<ScaleTableLoad>();
        var plainTokens = new List<string>(tokens);
        await using (var writer = await EntityBulkWriter.OpenAsync(db, settings, ct))
        {
            async Task LoadAsync<T>(IEnumerable<T> rows) where T : class
            {
                var stopwatch = Stopwatch.StartNew();
                var table = writer.TableOf<T>();
                var written = 0L;
                await writer.WriteAsync(rows.Select(row =>
                {
                    if (++written % ProgressEvery == 0)
                    {
                        progress?.Invoke(new ScaleProgress(table, written, 0, stopwatch.Elapsed));
                    }
                    return row;
                }), ct);
                loads.Add(new ScaleTableLoad(table, written, stopwatch.Elapsed));
            }

            var tables = new[] { typeof(User), typeof(IdentityUserRole<Guid>), typeof(Idea), typeof(IdeaFollow), typeof(IdeaTerm), typeof(IdeaVote), typeof(IdeaDemand), typeof(AccessToken) };
            step.Restart();
            var indexes = await writer.DropIndexesAsync(tables, ct);
            steps.Add(new SeedStep("indexes dropped", step.Elapsed));

            // Rows go in in the order of each table's key (ideas and voters have ascending ids, terms are grouped by
            // term), so every insert appends to its key's index.
            await LoadAsync(voters.Select((v, i) => VoterUser(v, i, now)));
            await LoadAsync(voters.Select(v => new IdentityUserRole<Guid> { UserId = v.Id, RoleId = voterRole }));
            await LoadAsync(derived.Select(d => IdeaOf(d, voters)));
            await LoadAsync(plan.Select(p => new IdeaFollow { IdeaId = p.Id, UserId = voters[p.Author].Id, Since = p.CreatedAt }));
            await LoadAsync(postings.SelectMany(t => t.Ideas.Select(i => new IdeaTerm { Term = t.Term, IdeaId = plan[i].Id })));
            await LoadAsync(derived.SelectMany(d => d.Voters.Select((v, i) => new IdeaVote
            {
                IdeaId = d.Plan.Id,
                UserId = voters[v].Id,
                At = new DateTimeOffset(d.VotedAt[i], TimeSpan.Zero),
                AccountId = voters[v].AccountId,
            })));
            await LoadAsync(derived.SelectMany(d => d.Demands.Select(f => new IdeaDemand { IdeaId = d.Plan.Id, Facet = f.Key, Demand = f.Value })));
            await LoadAsync(voters.Take(tokens).Select(v =>
            {
                var (token, plainText) = AccessToken.Create(v.Id, "Load test", now, now.AddDays(30));
                plainTokens.Add(plainText);
                return token;
            }));

            await writer.FinishAsync(tables, indexes, steps, ct);
        }
        return new IdeaScaleSummary(loads, steps, total.Elapsed, plainTokens);
    }

    /// <summary>Each facet's name once: tallies name the facets anew for every idea, and there are millions of demand rows.</summary>
    private readonly ConcurrentDictionary<string, string> _facets = new(StringComparer.Ordinal);

    /// <summary>An idea's votes drawn once, and everything derived from them and from its text.</summary>
    private Derived Derive(PlannedIdea p, Voter[] voters, Dictionary<Guid, AccountValue> accounts)
    {
        var votes = VotesOf(p, voters).ToList();
        var (overall, byFacet) = DemandFacets.Tally(votes.Select(v => voters[v.Voter].AccountId), accounts);
        var terms = IdeaTerm.For(new Idea { Id = p.Id, Title = p.Title, Description = p.Description }).Select(t => t.Term).ToArray();
        return new Derived(
            p,
            [.. votes.Select(v => v.Voter)],
            [.. votes.Select(v => v.At.UtcTicks)],
            hot.Of(votes.Select(v => v.At)),
            overall,
            [.. byFacet.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => KeyValuePair.Create(_facets.GetOrAdd(f.Key, f.Key), f.Value))],
            terms);
    }

    /// <summary>The ideas of each search term in id order, terms in the database's (ordinal) order: the key order of <c>IdeaTerms</c>.</summary>
    private static List<(string Term, List<int> Ideas)> Postings(Derived[] derived)
    {
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < derived.Length; i++)
        {
            foreach (var term in derived[i].Terms)
            {
                if (!postings.TryGetValue(term, out var ideas))
                {
                    postings[term] = ideas = [];
                }
                ideas.Add(i);
            }
            derived[i] = derived[i] with { Terms = [] };
        }
        return [.. postings.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value))];
    }

    /// <summary>
    /// The ideas, oldest first, and how many votes each gets: a long tail (most ideas get a few votes, a few get
    /// thousands), drawn as weights U^−0.6 and scaled to the total.
    /// </summary>
    private static PlannedIdea[] PlanIdeas(Random random, int count, long votes, int voterCount, Guid[] products, DateTimeOffset now)
    {
        var ids = new SequentialIds(random);
        var weights = new double[count];
        for (var i = 0; i < count; i++)
        {
            weights[i] = Math.Pow(1 - random.NextDouble(), -0.6);
        }
        var scale = votes / weights.Sum();
        var plan = new PlannedIdea[count];
        var assigned = 0L;
        var firstCreated = now.AddDays(-730);
        for (var i = 0; i < count; i++)
        {
            var wanted = (long)Math.Round(weights[i] * scale);
            var voteCount = (int)Math.Min(Math.Min(wanted, votes - assigned), voterCount);
            assigned += voteCount;
            var status = random.Next(100) switch
            {
                < 85 => IdeaStatus.New,
                < 90 => IdeaStatus.UnderReview,
                < 94 => IdeaStatus.Planned,
                < 96 => IdeaStatus.InProgress,
                < 98 => IdeaStatus.Delivered,
                _ => IdeaStatus.Declined,
            };
            var title = $"{s_verbs[random.Next(s_verbs.Length)]} {s_objects[random.Next(s_objects.Length)]} {s_qualifiers[random.Next(s_qualifiers.Length)]}";
            plan[i] = new PlannedIdea(
                Index: i,
                Id: ids.Next(),
                Title: title,
                Description: $"{title}. {s_reasons[random.Next(s_reasons.Length)]}",
                ProductId: products.Length > 0 && random.Next(3) > 0 ? products[random.Next(products.Length)] : null,
                Author: random.Next(voterCount),
                CreatedAt: firstCreated + (now - firstCreated) * ((double)i / count),
                Status: status,
                Votes: voteCount);
        }
        // Rounding leaves some votes over: the most voted-for ideas take them, up to every voter.
        for (var i = 0; assigned < votes && i < count; i++)
        {
            var extra = (int)Math.Min(votes - assigned, voterCount - plan[i].Votes);
            plan[i] = plan[i] with { Votes = plan[i].Votes + extra };
            assigned += extra;
        }
        return plan;
    }

    /// <summary>An idea's votes: distinct voters at times between the idea's posting and now, always the same for one idea.</summary>
    private IEnumerable<(int Voter, DateTimeOffset At)> VotesOf(PlannedIdea idea, Voter[] voters)
    {
        // Not HashCode.Combine: it is seeded differently in every process.
        var random = new Random(unchecked((ScaleData.RandomSeed * 1_000_003) + idea.Index));
        var chosen = new HashSet<int>(idea.Votes);
        while (chosen.Count < idea.Votes)
        {
            chosen.Add(random.Next(voters.Length));
        }
        var span = clock.GetUtcNow() - idea.CreatedAt;
        foreach (var voter in chosen.Order())
        {
            yield return (voter, idea.CreatedAt + span * random.NextDouble());
        }
    }

    private static Idea IdeaOf(Derived d, Voter[] voters) => new()
    {
        Id = d.Plan.Id,
        Title = d.Plan.Title,
        Description = d.Plan.Description,
        ProductId = d.Plan.ProductId,
        AuthorId = voters[d.Plan.Author].Id,
        CreatedAt = d.Plan.CreatedAt,
        Status = d.Plan.Status,
        StatusChangedAt = d.Plan.Status == IdeaStatus.New ? null : d.Plan.CreatedAt,
        HotScore = d.HotScore,
        Demand = d.Overall,
    };

    private static User VoterUser(Voter voter, int index, DateTimeOffset now)
    {
        var email = $"voter{index + 1:D7}@{VoterEmailDomain}";
        return new User
        {
            Id = voter.Id,
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true,
            DisplayName = $"Voter {index + 1}",
            SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
            ConcurrencyStamp = voter.Id.ToString(),
            LockoutEnabled = true,
            CreatedAt = now,
            ContactId = voter.ContactId,
        };
    }

    private sealed record Voter(Guid Id, Guid? ContactId, Guid? AccountId);

    private sealed record PlannedIdea(
        int Index, Guid Id, string Title, string Description, Guid? ProductId, int Author, DateTimeOffset CreatedAt, IdeaStatus Status, int Votes);

    /// <summary>An idea's voters (in ascending order, as their ids are), when each voted (UTC ticks), and what follows from them.</summary>
    private sealed record Derived(
        PlannedIdea Plan, int[] Voters, long[] VotedAt, double HotScore, Demand Overall, KeyValuePair<string, Demand>[] Demands, string[] Terms);
}
