using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Catalog;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;
using Vouch.Features.Users;

namespace Vouch.Seeding;

/// <summary>How far the load of one table has come.</summary>
public sealed record ScaleProgress(string Table, long Rows, long Expected, TimeSpan Elapsed)
{
    public double RowsPerSecond => Rows / Math.Max(Elapsed.TotalSeconds, 0.001);
}

public sealed record ScaleTableLoad(string Table, long Rows, TimeSpan Elapsed)
{
    public double RowsPerSecond => Rows / Math.Max(Elapsed.TotalSeconds, 0.001);
}

/// <summary>What a scale seeding wrote; <c>Finishing</c> is the commit, fresh planner statistics and (SQLite) the WAL checkpoint.</summary>
public sealed record ScaleSummary(int Sellers, int Products, IReadOnlyList<ScaleTableLoad> Tables, TimeSpan Finishing, TimeSpan Elapsed)
{
    public long Rows => Tables.Sum(t => t.Rows);
    public double RowsPerSecond => Rows / Math.Max(Elapsed.TotalSeconds, 0.001);
}

/// <summary>
/// A large synthetic customer base for measuring Vouch: N contacts at about N/10 accounts, with
/// deals over the last three years, owned by a few generated sellers. The same seed gives the same
/// records (dates are relative to the day of seeding).
/// </summary>
/// <remarks>
/// The sellers and the product catalogue are few and go through EF like any other change. The bulk
/// rows (accounts, their products, contacts with what they agreed to, blackouts and NPS answers,
/// opportunities, and two years of reference requests with their ledger entries) bypass EF and go in one transaction by
/// each provider's fastest path: binary COPY on PostgreSQL, one prepared and reused INSERT per table
/// on SQLite. They therefore write no audit entries: this is data for measurement, not a record of
/// anyone's work.
/// </remarks>
public sealed class ScaleData(VouchDbContext db, UserManager<User> users, DatabaseSettings settings, TimeProvider clock)
{
    public const int MaxContacts = 10_000_000;
    public const int RandomSeed = 2026;
    public const string SellerEmailDomain = "sales.vouch.example";

    private const int ProgressEvery = 100_000;

    private static readonly string[] s_productNames =
    [
        "Vouch Cloud", "Vouch Analytics", "Vouch Connect", "Vouch Mobile", "Vouch Security", "Vouch Insights",
        "Vouch Commerce", "Vouch Service Desk", "Vouch Field Service", "Vouch Marketing Hub", "Vouch Data Platform",
        "Vouch Identity", "Vouch Payments", "Vouch Workflow", "Vouch Integration Suite",
    ];

    private static readonly string[] s_competitors =
        ["Acme Refs", "AdvocatePro", "RefBase", "Spreadsheet", "CustomerVoice", "Referral Rocket", "PeerProof", "In-house tool"];

    private static readonly string[] s_openStages = ["Prospecting", "Qualification", "Proposal", "Negotiation"];

    /// <summary>Countries with their share of accounts in their region, and their telephone calling code.</summary>
    private static readonly (Region Region, int RegionWeight, (string Code, string Dial, int Weight)[] Countries)[] s_regions =
    [
        (Region.NorthAmerica, 50, [("US", "1", 85), ("CA", "1", 15)]),
        (Region.Emea, 30, [("GB", "44", 25), ("DE", "49", 25), ("FR", "33", 15), ("NL", "31", 8), ("ES", "34", 7), ("IT", "39", 6), ("SE", "46", 5), ("CH", "41", 5), ("ZA", "27", 4)]),
        (Region.Apac, 13, [("JP", "81", 25), ("AU", "61", 25), ("IN", "91", 20), ("SG", "65", 15), ("KR", "82", 8), ("NZ", "64", 7)]),
        (Region.LatinAmerica, 7, [("BR", "55", 40), ("MX", "52", 35), ("AR", "54", 10), ("CL", "56", 8), ("CO", "57", 7)]),
    ];

    // Column lists in the order both writers send values.
    private static readonly string[] s_accountColumns =
    [
        "Id", "Name", "IndustryId", "Segment", "Region", "CountryCode", "Employees", "AnnualRevenue", "GrossProfit",
        "CustomerSince", "ContractDate", "OwnerId", "CompetitorsReplaced", "ExternalId", "Version",
    ];

    private static readonly string[] s_accountProductColumns = ["AccountId", "ProductsId"];

    private static readonly string[] s_contactColumns =
    [
        "Id", "AccountId", "FirstName", "LastName", "Title", "Email", "Phone", "PersonalityStyle", "SocialCapitalWanted",
        "IsLeadUser", "HelpsOthers", "AdvocacyStage", "IsDefender", "ExternalId", "Version",
        "Consent", "ConsentGivenOn", "UseCase", "Results", "Quotes", "ConsentExpiresOn", "MaxAsksPerQuarter", "PreferredChannels",
    ];

    private static readonly string[] s_contactActivityColumns = ["AgreedActivitiesId", "ContactId"];

    private static readonly string[] s_blackoutColumns = ["Id", "ContactId", "Starts", "Ends", "Reason"];

    private static readonly string[] s_npsColumns = ["Id", "ContactId", "AnsweredOn", "Score", "Comment"];

    private static readonly string[] s_engagementColumns = ["Id", "ContactId", "AccountId", "Kind", "ActivityTypeId", "RequestId", "Status", "At", "Rating", "Version"];

    private static readonly string[] s_requestColumns =
    [
        "Id", "RequesterId", "OpportunityId", "ActivityTypeId", "NeededBy", "IndustryId", "Region", "Status", "CreatedAt",
        "ContactId", "EngagementId", "AccountOwnerId", "AdvocateAskedAt", "ScheduledFor", "DeclineReason", "Happened", "Rating",
        "Helped", "FeedbackNotes", "Version",
    ];

    private static readonly string[] s_requestProductColumns = ["ProductsId", "ReferenceRequestId"];

    private static readonly string[] s_opportunityColumns =
        ["Id", "AccountId", "Name", "Amount", "Stage", "CloseDate", "IsClosed", "IsWon", "Competitor", "OwnerId", "ExternalId", "OpenedOn"];

    /// <summary>Scale data goes only into a database without accounts, so it never mixes with real records.</summary>
    public Task<bool> HasAccountsAsync(CancellationToken ct = default) => db.Accounts.AnyAsync(ct);

    /// <summary>
    /// Seeds <paramref name="contacts"/> contacts with their accounts and deals; returns null (and writes
    /// nothing) when the database already has accounts.
    /// </summary>
    public async Task<ScaleSummary?> SeedAsync(int contacts, Action<ScaleProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(contacts);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(contacts, MaxContacts);
        if (await HasAccountsAsync(ct))
        {
            return null;
        }
        var total = Stopwatch.StartNew();
        var faker = new Faker("en") { Random = new Randomizer(RandomSeed) };
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        var industries = await db.Industries.AsNoTracking().OrderBy(i => i.Key).Select(i => i.Id).ToArrayAsync(ct);
        var activityTypes = await db.ActivityTypes.AsNoTracking().OrderBy(t => t.SortOrder)
            .Select(t => new ScaleActivity(t.Id, t.Key, t.RestPeriodDays)).ToArrayAsync(ct);
        var products = await EnsureProductsAsync(ct);
        var sellers = await EnsureSellersAsync(faker, Math.Clamp(contacts / 5_000, 3, 25), ct);
        var accounts = PlanAccounts(faker, contacts, industries, products, sellers, today);
        var names = new NamePools(faker);

        var loads = new List<ScaleTableLoad>();
        var finishing = new Stopwatch();
        await using (var writer = await OpenWriterAsync(ct))
        {
            async Task LoadAsync<T>(string table, long expected, IEnumerable<T> rows, Func<IEnumerable<T>, Task> write)
            {
                var stopwatch = Stopwatch.StartNew();
                await write(Reported(table, expected, rows, stopwatch, progress));
                loads.Add(new ScaleTableLoad(table, expected, stopwatch.Elapsed));
            }

            await LoadAsync("Accounts", accounts.Count, accounts, rows => writer.WriteAccountsAsync(rows, ct));
            await LoadAsync("AccountProducts", accounts.Sum(a => (long)a.Products.Length),
                accounts.SelectMany(a => a.Products.Select(p => new AccountProductRow(a.Id, p))),
                rows => writer.WriteAccountProductsAsync(rows, ct));
            // While the contacts go in, the referenceable ones and the NPS answers are kept for the tables that follow.
            var advocates = new List<ScaleAdvocate>(contacts / 8);
            var nps = new List<ScaleNps>(contacts / 2);
            await LoadAsync("Contacts", contacts, Kept(Contacts(accounts, names, activityTypes, today), accounts, advocates, nps, today),
                rows => writer.WriteContactsAsync(rows, ct));
            await LoadAsync("ContactActivityTypes", advocates.Sum(c => (long)c.Reference.Activities.Length),
                advocates.SelectMany(c => c.Reference.Activities.Select(a => new ContactActivityRow(a, c.ContactId))),
                rows => writer.WriteContactActivitiesAsync(rows, ct));
            var blackouts = ScaleAsks.Blackouts(advocates, today);
            await LoadAsync("ContactBlackouts", blackouts.Count, blackouts, rows => writer.WriteBlackoutsAsync(rows, ct));
            await LoadAsync("NpsAnswers", nps.Count, nps, rows => writer.WriteNpsAnswersAsync(rows, ct));
            var deals = new List<ScaleDeal>(accounts.Sum(a => a.OpportunityCount));
            await LoadAsync("Opportunities", accounts.Sum(a => (long)a.OpportunityCount), Kept(Opportunities(accounts, sellers, today), deals),
                rows => writer.WriteOpportunitiesAsync(rows, ct));
            var asks = ScaleAsks.Plan(advocates, deals, sellers, activityTypes, today);
            await LoadAsync("Engagements", asks.Count, asks, rows => writer.WriteEngagementsAsync(rows, ct));
            await LoadAsync("ReferenceRequests", asks.Count, asks, rows => writer.WriteRequestsAsync(rows, ct));
            await LoadAsync("ReferenceRequestProducts", asks.Sum(a => (long)a.Products.Length),
                asks.SelectMany(a => a.Products.Select(p => new RequestProductRow(p, a.RequestId))),
                rows => writer.WriteRequestProductsAsync(rows, ct));

            finishing.Start();
            await writer.CommitAsync(ct);
            finishing.Stop();
        }
        return new ScaleSummary(sellers.Length, products.Length, loads, finishing.Elapsed, total.Elapsed);
    }

    /// <summary>Passes the contacts through, keeping the referenceable ones and drawing each contact's NPS answers.</summary>
    private static IEnumerable<ContactRow> Kept(
        IEnumerable<ContactRow> rows, List<AccountRow> accounts, List<ScaleAdvocate> advocates, List<ScaleNps> nps, DateOnly today)
    {
        var byId = accounts.ToDictionary(a => a.Id);
        var random = new Random(RandomSeed + 6);
        var ids = new SequentialIds(random);
        foreach (var row in rows)
        {
            if (row.Reference.Consent != ConsentLevel.None)
            {
                var account = byId[row.AccountId];
                advocates.Add(new ScaleAdvocate(row.Id, account.Id, account.OwnerId, account.IndustryId, account.Region, account.Products, row.Reference));
            }
            ScaleAsks.Nps(random, ids, row.Id, row.AdvocacyStage, today, nps);
            yield return row;
        }
    }

    private static IEnumerable<OpportunityRow> Kept(IEnumerable<OpportunityRow> rows, List<ScaleDeal> deals)
    {
        foreach (var row in rows)
        {
            deals.Add(new ScaleDeal(row.Id, row.AccountId, row.OwnerId));
            yield return row;
        }
    }

    private static IEnumerable<T> Reported<T>(string table, long expected, IEnumerable<T> rows, Stopwatch stopwatch, Action<ScaleProgress>? progress)
    {
        var count = 0L;
        foreach (var row in rows)
        {
            yield return row;
            if (++count % ProgressEvery == 0)
            {
                progress?.Invoke(new ScaleProgress(table, count, expected, stopwatch.Elapsed));
            }
        }
        if (count != expected)
        {
            throw new InvalidOperationException($"Planned {expected} {table} rows but generated {count}.");
        }
    }

    /// <summary>The generated catalogue; products that already exist (by key) are reused.</summary>
    private async Task<Guid[]> EnsureProductsAsync(CancellationToken ct)
    {
        var keys = s_productNames.Select(Keys.FromName).ToList();
        var existing = await db.Products.Where(p => keys.Contains(p.Key)).ToDictionaryAsync(p => p.Key, p => p.Id, ct);
        var ids = new Guid[s_productNames.Length];
        for (var i = 0; i < s_productNames.Length; i++)
        {
            if (!existing.TryGetValue(keys[i], out ids[i]))
            {
                var product = new Product { Key = keys[i], Name = s_productNames[i] };
                db.Products.Add(product);
                ids[i] = product.Id;
            }
        }
        await db.SaveChangesAsync(ct);
        return ids;
    }

    /// <summary>
    /// Sellers who own the accounts and deals. They have no password: they stand for the sales team,
    /// not for people who sign in. Those left by an earlier, failed run are reused.
    /// </summary>
    private async Task<Guid[]> EnsureSellersAsync(Faker faker, int count, CancellationToken ct)
    {
        var ids = new Guid[count];
        for (var i = 0; i < count; i++)
        {
            var name = faker.Name.FullName();
            var email = $"seller{i + 1:00}@{SellerEmailDomain}";
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = clock.GetUtcNow() };
                var result = await users.CreateAsync(user);
                if (result.Succeeded)
                {
                    result = await users.AddToRoleAsync(user, Roles.Seller);
                }
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Could not add seller {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                }
            }
            ids[i] = user.Id;
            ct.ThrowIfCancellationRequested();
        }
        return ids;
    }

    private static List<AccountRow> PlanAccounts(Faker faker, int contacts, Guid[] industries, Guid[] products, Guid[] sellers, DateOnly today)
    {
        var random = new Random(RandomSeed);
        var ids = new SequentialIds(random);
        var domains = new Dictionary<string, int>(StringComparer.Ordinal);
        var accounts = new List<AccountRow>(contacts / 9 + 1);
        var remaining = contacts;
        while (remaining > 0)
        {
            var segment = Pick(random, Segment.SmallBusiness, 50, Segment.MidMarket, 35, Segment.Enterprise, 15);
            var (contactsMin, contactsMax, employeesMin, employeesMax, revenueMin, revenueMax, dealsMin, dealsMax) = segment switch
            {
                Segment.SmallBusiness => (2, 8, 10, 199, 5_000, 60_000, 1, 3),
                Segment.MidMarket => (7, 15, 200, 1_999, 50_000, 400_000, 2, 6),
                _ => (14, 30, 2_000, 200_000, 300_000, 5_000_000, 4, 10),
            };
            var contactCount = Math.Min(remaining, random.Next(contactsMin, contactsMax + 1));
            remaining -= contactCount;

            var (region, country, dial) = PickCountry(random);
            var name = faker.Company.CompanyName();
            var revenue = Math.Round((decimal)LogUniform(random, revenueMin, revenueMax), 0);
            var customerSince = today.AddDays(-random.Next(30, 12 * 365));
            var sinceDays = today.DayNumber - customerSince.DayNumber;
            var competitors = random.NextDouble() switch
            {
                < 0.10 => PickDistinct(random, s_competitors, 2),
                < 0.40 => PickDistinct(random, s_competitors, 1),
                _ => [],
            };
            accounts.Add(new AccountRow(
                Id: ids.Next(),
                Name: name,
                IndustryId: industries[random.Next(industries.Length)],
                Segment: segment,
                Region: region,
                CountryCode: country,
                Employees: (int)LogUniform(random, employeesMin, employeesMax),
                AnnualRevenue: revenue,
                GrossProfit: Math.Round(revenue * (decimal)(0.35 + random.NextDouble() * 0.4), 0),
                CustomerSince: customerSince,
                // Contracts renew: the current one was signed within the last two years, never before the customer signed first.
                ContractDate: today.AddDays(-random.Next(0, Math.Min(sinceDays, 730) + 1)),
                OwnerId: sellers[random.Next(sellers.Length)],
                CompetitorsReplaced: competitors,
                ExternalId: $"SCALE-A{accounts.Count + 1:D7}",
                Version: RandomId(random),
                Products: PickDistinct(random, products, random.Next(1, 5)),
                ContactCount: contactCount,
                OpportunityCount: random.Next(dealsMin, dealsMax + 1),
                EmailDomain: UniqueDomain(domains, name),
                Dial: dial));
        }
        return accounts;
    }

    private static IEnumerable<ContactRow> Contacts(List<AccountRow> accounts, NamePools names, ScaleActivity[] activityTypes, DateOnly today)
    {
        var random = new Random(RandomSeed + 1);
        // Referenceability from its own generator, so the contacts' other fields stay as they were.
        var references = new Random(RandomSeed + 3);
        var ids = new SequentialIds(random);
        var localParts = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var account in accounts)
        {
            localParts.Clear();
            for (var i = 0; i < account.ContactCount; i++)
            {
                var first = names.FirstNames[random.Next(names.FirstNames.Length)];
                var last = names.LastNames[random.Next(names.LastNames.Length)];
                var localPart = EmailLocalPart(first, last);
                for (var n = 2; !localParts.Add(localPart); n++)
                {
                    localPart = EmailLocalPart(first, last) + n;
                }
                var stage = random.Next(100) switch
                {
                    < 70 => AdvocacyStage.Customer,
                    < 88 => AdvocacyStage.Promoter,
                    < 97 => AdvocacyStage.Advocate,
                    _ => AdvocacyStage.RockStar,
                };
                var defenderChance = stage switch
                {
                    AdvocacyStage.RockStar => 0.4,
                    AdvocacyStage.Advocate => 0.2,
                    AdvocacyStage.Promoter => 0.05,
                    _ => 0.01,
                };
                yield return new ContactRow(
                    Id: ids.Next(),
                    AccountId: account.Id,
                    FirstName: first,
                    LastName: last,
                    Title: names.Titles[random.Next(names.Titles.Length)],
                    Email: $"{localPart}@{account.EmailDomain}",
                    Phone: $"+{account.Dial} {random.Next(200, 1000)} {random.Next(100, 1000)} {random.Next(1000, 10000)}",
                    PersonalityStyle: random.Next(10) == 0 ? null : (PersonalityStyle)random.Next(4),
                    SocialCapitalWanted: SocialCapitalWanted(random),
                    IsLeadUser: random.NextDouble() < 0.1,
                    HelpsOthers: random.NextDouble() < (stage == AdvocacyStage.Customer ? 0.2 : 0.5),
                    AdvocacyStage: stage,
                    IsDefender: random.NextDouble() < defenderChance,
                    ExternalId: $"SCALE-C{++number:D8}",
                    Version: RandomId(random),
                    Reference: ScaleStories.Reference(references, stage, account.CompetitorsReplaced, activityTypes, today));
            }
        }
    }

    private static IEnumerable<OpportunityRow> Opportunities(List<AccountRow> accounts, Guid[] sellers, DateOnly today)
    {
        var random = new Random(RandomSeed + 2);
        // The sales cycles from a stream of their own, so the deals are the same as without them.
        var cycles = new Random(RandomSeed + 20);
        var ids = new SequentialIds(random);
        var threeYearsAgo = today.AddYears(-3);
        var number = 0;
        foreach (var account in accounts)
        {
            var (amountMin, amountMax, cycleMin, cycleMax) = account.Segment switch
            {
                Segment.SmallBusiness => (3_000, 50_000, 14, 60),
                Segment.MidMarket => (25_000, 300_000, 30, 120),
                _ => (150_000, 3_000_000, 60, 240),
            };
            for (var i = 0; i < account.OpportunityCount; i++)
            {
                // Three years of history plus the next six months of pipeline; deals dated in the past are closed.
                var closeDate = threeYearsAgo.AddDays(random.Next(today.DayNumber - threeYearsAgo.DayNumber + 180));
                var isClosed = closeDate <= today;
                var isWon = isClosed && random.NextDouble() < 0.45;
                var product = s_productNames[random.Next(s_productNames.Length)];
                yield return new OpportunityRow(
                    Id: ids.Next(),
                    AccountId: account.Id,
                    Name: $"{account.Name} – {product}",
                    Amount: Math.Round((decimal)LogUniform(random, amountMin, amountMax), 0),
                    Stage: isClosed ? (isWon ? "Closed Won" : "Closed Lost") : s_openStages[random.Next(s_openStages.Length)],
                    CloseDate: closeDate,
                    IsClosed: isClosed,
                    IsWon: isWon,
                    Competitor: random.NextDouble() < 0.55 ? s_competitors[random.Next(s_competitors.Length)] : null,
                    OwnerId: random.NextDouble() < 0.9 ? account.OwnerId : sellers[random.Next(sellers.Length)],
                    ExternalId: $"SCALE-O{++number:D8}",
                    OpenedOn: closeDate.AddDays(-cycles.Next(cycleMin, cycleMax + 1)));
            }
        }
    }

    /// <summary>One to three of the five kinds of social capital.</summary>
    private static SocialCapital SocialCapitalWanted(Random random)
    {
        var wanted = SocialCapital.None;
        for (var kinds = random.Next(1, 4); kinds > 0; kinds--)
        {
            wanted |= (SocialCapital)(1 << random.Next(5));
        }
        return wanted;
    }

    private static T Pick<T>(Random random, T a, int weightA, T b, int weightB, T c, int weightC)
    {
        var roll = random.Next(weightA + weightB + weightC);
        return roll < weightA ? a : roll < weightA + weightB ? b : c;
    }

    private static (Region Region, string Country, string Dial) PickCountry(Random random)
    {
        var (region, _, countries) = PickWeighted(random, s_regions, r => r.RegionWeight);
        var (code, dial, _) = PickWeighted(random, countries, c => c.Weight);
        return (region, code, dial);
    }

    private static T PickWeighted<T>(Random random, T[] items, Func<T, int> weight)
    {
        var roll = random.Next(items.Sum(weight));
        foreach (var item in items)
        {
            roll -= weight(item);
            if (roll < 0)
            {
                return item;
            }
        }
        return items[^1];
    }

    private static T[] PickDistinct<T>(Random random, T[] items, int count)
    {
        var picked = new List<T>(count);
        while (picked.Count < count)
        {
            var item = items[random.Next(items.Length)];
            if (!picked.Contains(item))
            {
                picked.Add(item);
            }
        }
        return [.. picked];
    }

    /// <summary>Sizes and amounts spread over orders of magnitude: many small customers, few large ones.</summary>
    internal static double LogUniform(Random random, double min, double max) =>
        Math.Exp(Math.Log(min) + random.NextDouble() * (Math.Log(max) - Math.Log(min)));

    private static string UniqueDomain(Dictionary<string, int> domains, string companyName)
    {
        var slug = Keys.FromName(companyName);
        var seen = domains.GetValueOrDefault(slug);
        domains[slug] = seen + 1;
        return seen == 0 ? $"{slug}.example" : $"{slug}{seen + 1}.example";
    }

    private static string EmailLocalPart(string first, string last)
    {
        var text = new StringBuilder(first.Length + last.Length + 1);
        foreach (var c in first)
        {
            if (char.IsAsciiLetter(c))
            {
                text.Append(char.ToLowerInvariant(c));
            }
        }
        text.Append('.');
        foreach (var c in last)
        {
            if (char.IsAsciiLetter(c))
            {
                text.Append(char.ToLowerInvariant(c));
            }
        }
        return text.ToString();
    }

    /// <summary>A random (version 4) id from the seeded generator, so reruns give the same ids.</summary>
    internal static Guid RandomId(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[6] = (byte)(0x40 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>Names and titles drawn once from Bogus; picking from arrays keeps a million contacts fast.</summary>
    private sealed class NamePools(Faker faker)
    {
        public string[] FirstNames { get; } = Draw(() => faker.Name.FirstName());
        public string[] LastNames { get; } = Draw(() => faker.Name.LastName());
        public string[] Titles { get; } = Draw(() => faker.Name.JobTitle());

        private static string[] Draw(Func<string> next) => [.. Enumerable.Range(0, 3_000).Select(_ => next()).Distinct()];
    }

    private sealed record AccountRow(
        Guid Id, string Name, Guid IndustryId, Segment Segment, Region Region, string CountryCode, int Employees,
        decimal AnnualRevenue, decimal GrossProfit, DateOnly CustomerSince, DateOnly ContractDate, Guid OwnerId,
        string[] CompetitorsReplaced, string ExternalId, Guid Version,
        Guid[] Products, int ContactCount, int OpportunityCount, string EmailDomain, string Dial);

    private readonly record struct AccountProductRow(Guid AccountId, Guid ProductId);

    private readonly record struct ContactRow(
        Guid Id, Guid AccountId, string FirstName, string LastName, string Title, string Email, string Phone,
        PersonalityStyle? PersonalityStyle, SocialCapital SocialCapitalWanted, bool IsLeadUser, bool HelpsOthers,
        AdvocacyStage AdvocacyStage, bool IsDefender, string ExternalId, Guid Version, ScaleReference Reference)
    {
        public Guid[] Activities => Reference.Activities;
    }

    private readonly record struct ContactActivityRow(Guid ActivityTypeId, Guid ContactId);

    private readonly record struct RequestProductRow(Guid ProductId, Guid RequestId);

    private readonly record struct OpportunityRow(
        Guid Id, Guid AccountId, string Name, decimal Amount, string Stage, DateOnly CloseDate, bool IsClosed, bool IsWon,
        string? Competitor, Guid OwnerId, string ExternalId, DateOnly OpenedOn);

    private async Task<IBulkWriter> OpenWriterAsync(CancellationToken ct) => settings.Provider switch
    {
        DatabaseProvider.Postgres => await PostgresWriter.OpenAsync(settings.ConnectionString, ct),
        _ => await SqliteWriter.OpenAsync(settings.ConnectionString, ct),
    };

    /// <summary>Writes the bulk tables in one transaction, which <see cref="CommitAsync"/> commits.</summary>
    private interface IBulkWriter : IAsyncDisposable
    {
        Task WriteAccountsAsync(IEnumerable<AccountRow> rows, CancellationToken ct);
        Task WriteAccountProductsAsync(IEnumerable<AccountProductRow> rows, CancellationToken ct);
        Task WriteContactsAsync(IEnumerable<ContactRow> rows, CancellationToken ct);
        Task WriteOpportunitiesAsync(IEnumerable<OpportunityRow> rows, CancellationToken ct);
        Task WriteContactActivitiesAsync(IEnumerable<ContactActivityRow> rows, CancellationToken ct);
        Task WriteBlackoutsAsync(IEnumerable<ScaleBlackout> rows, CancellationToken ct);
        Task WriteNpsAnswersAsync(IEnumerable<ScaleNps> rows, CancellationToken ct);
        Task WriteEngagementsAsync(IEnumerable<ScaleAsk> rows, CancellationToken ct);
        Task WriteRequestsAsync(IEnumerable<ScaleAsk> rows, CancellationToken ct);
        Task WriteRequestProductsAsync(IEnumerable<RequestProductRow> rows, CancellationToken ct);
        Task CommitAsync(CancellationToken ct);
    }

    /// <summary>One transaction; per table one prepared INSERT whose parameters are reset for every row.</summary>
    private sealed class SqliteWriter(SqliteConnection connection, SqliteTransaction transaction, SqliteSearchIndex searchIndex) : IBulkWriter
    {
        public static async Task<SqliteWriter> OpenAsync(string connectionString, CancellationToken ct)
        {
            var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(ct);
            // For this connection only: a large page cache keeps the index pages of a million rows in
            // memory, and the one commit at the end need not wait for the disk (a crash before it
            // leaves the database as it was; the WAL mode set by migrate stays). Foreign keys are
            // checked, as on EF's connections.
            await Execute(connection, null, "PRAGMA synchronous = OFF; PRAGMA cache_size = -1048576; PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = ON;", ct);
            var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            return new SqliteWriter(connection, transaction, await SqliteSearchIndex.SuspendAsync(connection, transaction, ct));
        }

        public Task WriteAccountsAsync(IEnumerable<AccountRow> rows, CancellationToken ct) =>
            Insert("Accounts", s_accountColumns, rows, (a, p) =>
            {
                p[0].Value = Text(a.Id);
                p[1].Value = a.Name;
                p[2].Value = Text(a.IndustryId);
                p[3].Value = a.Segment.ToString();
                p[4].Value = a.Region.ToString();
                p[5].Value = a.CountryCode;
                p[6].Value = a.Employees;
                p[7].Value = a.AnnualRevenue;
                p[8].Value = a.GrossProfit;
                p[9].Value = a.CustomerSince;
                p[10].Value = a.ContractDate;
                p[11].Value = Text(a.OwnerId);
                // EF Core keeps a primitive collection in a JSON text column on SQLite.
                p[12].Value = JsonSerializer.Serialize(a.CompetitorsReplaced);
                p[13].Value = a.ExternalId;
                p[14].Value = Text(a.Version);
            }, ct);

        public Task WriteAccountProductsAsync(IEnumerable<AccountProductRow> rows, CancellationToken ct) =>
            Insert("AccountProducts", s_accountProductColumns, rows, (r, p) =>
            {
                p[0].Value = Text(r.AccountId);
                p[1].Value = Text(r.ProductId);
            }, ct);

        public Task WriteContactsAsync(IEnumerable<ContactRow> rows, CancellationToken ct) =>
            Insert("Contacts", s_contactColumns, rows, (c, p) =>
            {
                p[0].Value = Text(c.Id);
                p[1].Value = Text(c.AccountId);
                p[2].Value = c.FirstName;
                p[3].Value = c.LastName;
                p[4].Value = c.Title;
                p[5].Value = c.Email;
                p[6].Value = c.Phone;
                p[7].Value = c.PersonalityStyle is { } style ? style.ToString() : DBNull.Value;
                p[8].Value = (int)c.SocialCapitalWanted;
                p[9].Value = c.IsLeadUser;
                p[10].Value = c.HelpsOthers;
                p[11].Value = c.AdvocacyStage.ToString();
                p[12].Value = c.IsDefender;
                p[13].Value = c.ExternalId;
                p[14].Value = Text(c.Version);
                p[15].Value = c.Reference.Consent.ToString();
                p[16].Value = c.Reference.ConsentGivenOn is { } given ? given : DBNull.Value;
                p[17].Value = (object?)c.Reference.UseCase ?? DBNull.Value;
                p[18].Value = (object?)c.Reference.Results ?? DBNull.Value;
                p[19].Value = (object?)c.Reference.Quotes ?? DBNull.Value;
                p[20].Value = c.Reference.ConsentExpiresOn is { } expires ? expires : DBNull.Value;
                p[21].Value = c.Reference.MaxAsksPerQuarter is { } max ? max : DBNull.Value;
                p[22].Value = (int)c.Reference.PreferredChannels;
            }, ct);

        public Task WriteContactActivitiesAsync(IEnumerable<ContactActivityRow> rows, CancellationToken ct) =>
            Insert("ContactActivityTypes", s_contactActivityColumns, rows, (r, p) =>
            {
                p[0].Value = Text(r.ActivityTypeId);
                p[1].Value = Text(r.ContactId);
            }, ct);

        public Task WriteBlackoutsAsync(IEnumerable<ScaleBlackout> rows, CancellationToken ct) =>
            Insert("ContactBlackouts", s_blackoutColumns, rows, (b, p) =>
            {
                p[0].Value = Text(b.Id);
                p[1].Value = Text(b.ContactId);
                p[2].Value = b.Starts;
                p[3].Value = b.Ends;
                p[4].Value = b.Reason;
            }, ct);

        public Task WriteNpsAnswersAsync(IEnumerable<ScaleNps> rows, CancellationToken ct) =>
            Insert("NpsAnswers", s_npsColumns, rows, (a, p) =>
            {
                p[0].Value = Text(a.Id);
                p[1].Value = Text(a.ContactId);
                p[2].Value = a.AnsweredOn;
                p[3].Value = a.Score;
                p[4].Value = (object?)a.Comment ?? DBNull.Value;
            }, ct);

        public Task WriteEngagementsAsync(IEnumerable<ScaleAsk> rows, CancellationToken ct) =>
            Insert("Engagements", s_engagementColumns, rows, (a, p) =>
            {
                p[0].Value = Text(a.EngagementId);
                p[1].Value = Text(a.ContactId);
                p[2].Value = Text(a.AccountId);
                p[3].Value = nameof(EngagementKind.Ask);
                p[4].Value = Text(a.ActivityTypeId);
                p[5].Value = Text(a.RequestId);
                p[6].Value = a.EngagementStatus.ToString();
                p[7].Value = Binary(a.EngagementAt);
                p[8].Value = a.Rating is { } rating ? rating : DBNull.Value;
                p[9].Value = Text(a.EngagementVersion);
            }, ct);

        public Task WriteRequestsAsync(IEnumerable<ScaleAsk> rows, CancellationToken ct) =>
            Insert("ReferenceRequests", s_requestColumns, rows, (a, p) =>
            {
                p[0].Value = Text(a.RequestId);
                p[1].Value = Text(a.RequesterId);
                p[2].Value = a.OpportunityId is { } opportunity ? Text(opportunity) : DBNull.Value;
                p[3].Value = Text(a.ActivityTypeId);
                p[4].Value = a.NeededBy;
                p[5].Value = a.IndustryId is { } industry ? Text(industry) : DBNull.Value;
                p[6].Value = a.Region is { } region ? region.ToString() : DBNull.Value;
                p[7].Value = a.Status.ToString();
                p[8].Value = Binary(a.CreatedAt);
                p[9].Value = Text(a.ContactId);
                p[10].Value = Text(a.EngagementId);
                p[11].Value = Text(a.AccountOwnerId);
                p[12].Value = a.AdvocateAskedAt is { } asked ? Binary(asked) : DBNull.Value;
                p[13].Value = a.ScheduledFor is { } scheduled ? Binary(scheduled) : DBNull.Value;
                p[14].Value = (object?)a.DeclineReason ?? DBNull.Value;
                p[15].Value = a.Happened is { } happened ? happened : DBNull.Value;
                p[16].Value = a.Rating is { } rating ? rating : DBNull.Value;
                p[17].Value = a.Helped is { } helped ? helped : DBNull.Value;
                p[18].Value = (object?)a.FeedbackNotes ?? DBNull.Value;
                p[19].Value = Text(a.RequestVersion);
            }, ct);

        public Task WriteRequestProductsAsync(IEnumerable<RequestProductRow> rows, CancellationToken ct) =>
            Insert("ReferenceRequestProducts", s_requestProductColumns, rows, (r, p) =>
            {
                p[0].Value = Text(r.ProductId);
                p[1].Value = Text(r.RequestId);
            }, ct);

        public Task WriteOpportunitiesAsync(IEnumerable<OpportunityRow> rows, CancellationToken ct) =>
            Insert("Opportunities", s_opportunityColumns, rows, (o, p) =>
            {
                p[0].Value = Text(o.Id);
                p[1].Value = Text(o.AccountId);
                p[2].Value = o.Name;
                p[3].Value = o.Amount;
                p[4].Value = o.Stage;
                p[5].Value = o.CloseDate;
                p[6].Value = o.IsClosed;
                p[7].Value = o.IsWon;
                p[8].Value = (object?)o.Competitor ?? DBNull.Value;
                p[9].Value = Text(o.OwnerId);
                p[10].Value = o.ExternalId;
                p[11].Value = o.OpenedOn;
            }, ct);

        public async Task CommitAsync(CancellationToken ct)
        {
            await searchIndex.RebuildAsync(connection, transaction, ct);
            await transaction.CommitAsync(ct);
            // Fresh statistics for the query planner, and the write-ahead log folded back into the file.
            await Execute(connection, null, "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);", ct);
        }

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }

        private Task Insert<T>(string table, string[] columns, IEnumerable<T> rows, Action<T, SqliteParameter[]> bind, CancellationToken ct)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
                $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
            var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
            command.Prepare();
            foreach (var row in rows)
            {
                bind(row, parameters);
                // Microsoft.Data.Sqlite has no truly asynchronous I/O; the synchronous call saves a task per row.
                command.ExecuteNonQuery();
                ct.ThrowIfCancellationRequested();
            }
            return Task.CompletedTask;
        }

        /// <summary>A moment as EF Core stores it on SQLite, where Vouch keeps them as sortable integers.</summary>
        private static long Binary(DateTimeOffset at) => s_binary(at);

        private static readonly Func<DateTimeOffset, long> s_binary = new DateTimeOffsetToBinaryConverter().ConvertToProviderTyped;

        /// <summary>EF Core stores a Guid on SQLite as upper-case text.</summary>
        private static string Text(Guid id) => id.ToString("D").ToUpperInvariant();

        private static async Task Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken ct)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>One transaction; per table one binary COPY, the fastest way into PostgreSQL.</summary>
    private sealed class PostgresWriter(NpgsqlConnection connection, NpgsqlTransaction transaction) : IBulkWriter
    {
        public static async Task<PostgresWriter> OpenAsync(string connectionString, CancellationToken ct)
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            return new PostgresWriter(connection, await connection.BeginTransactionAsync(ct));
        }

        public Task WriteAccountsAsync(IEnumerable<AccountRow> rows, CancellationToken ct) =>
            Copy("Accounts", s_accountColumns, rows, (w, a) =>
            {
                w.Write(a.Id, NpgsqlDbType.Uuid);
                w.Write(a.Name, NpgsqlDbType.Varchar);
                w.Write(a.IndustryId, NpgsqlDbType.Uuid);
                w.Write(a.Segment.ToString(), NpgsqlDbType.Varchar);
                w.Write(a.Region.ToString(), NpgsqlDbType.Varchar);
                w.Write(a.CountryCode, NpgsqlDbType.Char);
                w.Write(a.Employees, NpgsqlDbType.Integer);
                w.Write(a.AnnualRevenue, NpgsqlDbType.Numeric);
                w.Write(a.GrossProfit, NpgsqlDbType.Numeric);
                w.Write(a.CustomerSince, NpgsqlDbType.Date);
                w.Write(a.ContractDate, NpgsqlDbType.Date);
                w.Write(a.OwnerId, NpgsqlDbType.Uuid);
                w.Write(a.CompetitorsReplaced, NpgsqlDbType.Array | NpgsqlDbType.Text);
                w.Write(a.ExternalId, NpgsqlDbType.Varchar);
                w.Write(a.Version, NpgsqlDbType.Uuid);
            }, ct);

        public Task WriteAccountProductsAsync(IEnumerable<AccountProductRow> rows, CancellationToken ct) =>
            Copy("AccountProducts", s_accountProductColumns, rows, (w, r) =>
            {
                w.Write(r.AccountId, NpgsqlDbType.Uuid);
                w.Write(r.ProductId, NpgsqlDbType.Uuid);
            }, ct);

        public Task WriteContactsAsync(IEnumerable<ContactRow> rows, CancellationToken ct) =>
            Copy("Contacts", s_contactColumns, rows, (w, c) =>
            {
                w.Write(c.Id, NpgsqlDbType.Uuid);
                w.Write(c.AccountId, NpgsqlDbType.Uuid);
                w.Write(c.FirstName, NpgsqlDbType.Varchar);
                w.Write(c.LastName, NpgsqlDbType.Varchar);
                w.Write(c.Title, NpgsqlDbType.Varchar);
                w.Write(c.Email, NpgsqlDbType.Varchar);
                w.Write(c.Phone, NpgsqlDbType.Varchar);
                if (c.PersonalityStyle is { } style)
                {
                    w.Write(style.ToString(), NpgsqlDbType.Varchar);
                }
                else
                {
                    w.WriteNull();
                }
                w.Write((int)c.SocialCapitalWanted, NpgsqlDbType.Integer);
                w.Write(c.IsLeadUser, NpgsqlDbType.Boolean);
                w.Write(c.HelpsOthers, NpgsqlDbType.Boolean);
                w.Write(c.AdvocacyStage.ToString(), NpgsqlDbType.Varchar);
                w.Write(c.IsDefender, NpgsqlDbType.Boolean);
                w.Write(c.ExternalId, NpgsqlDbType.Varchar);
                w.Write(c.Version, NpgsqlDbType.Uuid);
                w.Write(c.Reference.Consent.ToString(), NpgsqlDbType.Varchar);
                WriteNullable(w, c.Reference.ConsentGivenOn, NpgsqlDbType.Date);
                WriteNullable(w, c.Reference.UseCase, NpgsqlDbType.Varchar);
                WriteNullable(w, c.Reference.Results, NpgsqlDbType.Varchar);
                WriteNullable(w, c.Reference.Quotes, NpgsqlDbType.Varchar);
                WriteNullable(w, c.Reference.ConsentExpiresOn, NpgsqlDbType.Date);
                WriteNullable(w, c.Reference.MaxAsksPerQuarter, NpgsqlDbType.Integer);
                w.Write((int)c.Reference.PreferredChannels, NpgsqlDbType.Integer);
            }, ct);

        public Task WriteContactActivitiesAsync(IEnumerable<ContactActivityRow> rows, CancellationToken ct) =>
            Copy("ContactActivityTypes", s_contactActivityColumns, rows, (w, r) =>
            {
                w.Write(r.ActivityTypeId, NpgsqlDbType.Uuid);
                w.Write(r.ContactId, NpgsqlDbType.Uuid);
            }, ct);

        public Task WriteBlackoutsAsync(IEnumerable<ScaleBlackout> rows, CancellationToken ct) =>
            Copy("ContactBlackouts", s_blackoutColumns, rows, (w, b) =>
            {
                w.Write(b.Id, NpgsqlDbType.Uuid);
                w.Write(b.ContactId, NpgsqlDbType.Uuid);
                w.Write(b.Starts, NpgsqlDbType.Date);
                w.Write(b.Ends, NpgsqlDbType.Date);
                w.Write(b.Reason, NpgsqlDbType.Varchar);
            }, ct);

        public Task WriteNpsAnswersAsync(IEnumerable<ScaleNps> rows, CancellationToken ct) =>
            Copy("NpsAnswers", s_npsColumns, rows, (w, a) =>
            {
                w.Write(a.Id, NpgsqlDbType.Uuid);
                w.Write(a.ContactId, NpgsqlDbType.Uuid);
                w.Write(a.AnsweredOn, NpgsqlDbType.Date);
                w.Write(a.Score, NpgsqlDbType.Integer);
                WriteNullable(w, a.Comment, NpgsqlDbType.Varchar);
            }, ct);

        public Task WriteEngagementsAsync(IEnumerable<ScaleAsk> rows, CancellationToken ct) =>
            Copy("Engagements", s_engagementColumns, rows, (w, a) =>
            {
                w.Write(a.EngagementId, NpgsqlDbType.Uuid);
                w.Write(a.ContactId, NpgsqlDbType.Uuid);
                w.Write(a.AccountId, NpgsqlDbType.Uuid);
                w.Write(nameof(EngagementKind.Ask), NpgsqlDbType.Varchar);
                w.Write(a.ActivityTypeId, NpgsqlDbType.Uuid);
                w.Write(a.RequestId, NpgsqlDbType.Uuid);
                w.Write(a.EngagementStatus.ToString(), NpgsqlDbType.Varchar);
                w.Write(a.EngagementAt, NpgsqlDbType.TimestampTz);
                WriteNullable(w, a.Rating, NpgsqlDbType.Integer);
                w.Write(a.EngagementVersion, NpgsqlDbType.Uuid);
            }, ct);

        public Task WriteRequestsAsync(IEnumerable<ScaleAsk> rows, CancellationToken ct) =>
            Copy("ReferenceRequests", s_requestColumns, rows, (w, a) =>
            {
                w.Write(a.RequestId, NpgsqlDbType.Uuid);
                w.Write(a.RequesterId, NpgsqlDbType.Uuid);
                WriteNullable(w, a.OpportunityId, NpgsqlDbType.Uuid);
                w.Write(a.ActivityTypeId, NpgsqlDbType.Uuid);
                w.Write(a.NeededBy, NpgsqlDbType.Date);
                WriteNullable(w, a.IndustryId, NpgsqlDbType.Uuid);
                WriteNullable(w, a.Region?.ToString(), NpgsqlDbType.Varchar);
                w.Write(a.Status.ToString(), NpgsqlDbType.Varchar);
                w.Write(a.CreatedAt, NpgsqlDbType.TimestampTz);
                w.Write(a.ContactId, NpgsqlDbType.Uuid);
                w.Write(a.EngagementId, NpgsqlDbType.Uuid);
                w.Write(a.AccountOwnerId, NpgsqlDbType.Uuid);
                WriteNullable(w, a.AdvocateAskedAt, NpgsqlDbType.TimestampTz);
                WriteNullable(w, a.ScheduledFor, NpgsqlDbType.TimestampTz);
                WriteNullable(w, a.DeclineReason, NpgsqlDbType.Varchar);
                WriteNullable(w, a.Happened, NpgsqlDbType.Boolean);
                WriteNullable(w, a.Rating, NpgsqlDbType.Integer);
                WriteNullable(w, a.Helped, NpgsqlDbType.Boolean);
                WriteNullable(w, a.FeedbackNotes, NpgsqlDbType.Varchar);
                w.Write(a.RequestVersion, NpgsqlDbType.Uuid);
            }, ct);

        public Task WriteRequestProductsAsync(IEnumerable<RequestProductRow> rows, CancellationToken ct) =>
            Copy("ReferenceRequestProducts", s_requestProductColumns, rows, (w, r) =>
            {
                w.Write(r.ProductId, NpgsqlDbType.Uuid);
                w.Write(r.RequestId, NpgsqlDbType.Uuid);
            }, ct);

        private static void WriteNullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type)
        {
            if (value is null)
            {
                writer.WriteNull();
            }
            else
            {
                writer.Write(value, type);
            }
        }

        public Task WriteOpportunitiesAsync(IEnumerable<OpportunityRow> rows, CancellationToken ct) =>
            Copy("Opportunities", s_opportunityColumns, rows, (w, o) =>
            {
                w.Write(o.Id, NpgsqlDbType.Uuid);
                w.Write(o.AccountId, NpgsqlDbType.Uuid);
                w.Write(o.Name, NpgsqlDbType.Varchar);
                w.Write(o.Amount, NpgsqlDbType.Numeric);
                w.Write(o.Stage, NpgsqlDbType.Varchar);
                w.Write(o.CloseDate, NpgsqlDbType.Date);
                w.Write(o.IsClosed, NpgsqlDbType.Boolean);
                w.Write(o.IsWon, NpgsqlDbType.Boolean);
                if (o.Competitor is null)
                {
                    w.WriteNull();
                }
                else
                {
                    w.Write(o.Competitor, NpgsqlDbType.Varchar);
                }
                w.Write(o.OwnerId, NpgsqlDbType.Uuid);
                w.Write(o.ExternalId, NpgsqlDbType.Varchar);
                w.Write(o.OpenedOn, NpgsqlDbType.Date);
            }, ct);

        public async Task CommitAsync(CancellationToken ct)
        {
            await transaction.CommitAsync(ct);
            // Fresh statistics now, rather than whenever autovacuum gets to the new rows.
            await using var analyze = new NpgsqlCommand("ANALYZE \"Accounts\", \"AccountProducts\", \"Contacts\", \"ContactActivityTypes\", \"ContactBlackouts\", \"NpsAnswers\", " +
                "\"Opportunities\", \"Engagements\", \"ReferenceRequests\", \"ReferenceRequestProducts\"", connection);
            await analyze.ExecuteNonQueryAsync(ct);
        }

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }

        private async Task Copy<T>(string table, string[] columns, IEnumerable<T> rows, Action<NpgsqlBinaryImporter, T> write, CancellationToken ct)
        {
            var copy = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";
            await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
            foreach (var row in rows)
            {
                // The importer buffers; the synchronous calls only block when a full buffer is sent.
                importer.StartRow();
                write(importer, row);
                ct.ThrowIfCancellationRequested();
            }
            await importer.CompleteAsync(ct);
        }
    }
}
