using System.Diagnostics;
using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.AccountReviews;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;
using Vouch.Features.Events;
using Vouch.Features.Executives;
using Vouch.Features.Opportunities;
using Vouch.Features.Referrals;
using Vouch.Features.Users;

namespace Vouch.Seeding;

/// <summary>What a programs seeding wrote.</summary>
public sealed record ProgramsScaleSummary(int Executives, IReadOnlyList<ScaleTableLoad> Tables, IReadOnlyList<SeedStep> Steps, TimeSpan Elapsed)
{
    public long Rows => Tables.Sum(t => t.Rows);
}

/// <summary>
/// The advocacy programs of a scale-seeded database, in proportion to its contacts: referrals (one for every 50
/// contacts) moving towards deals, events (one for every 500 contacts) with speakers and about 45 attendees each, some
/// of whose prospects became customers, executives (one for every 10,000 contacts, at most 100) with about a year and
/// a half of conversations and the key accounts they sponsor, and the account reviews of the enterprise customers.
/// </summary>
/// <remarks>
/// Every ask and give the app would write lands in the ledger too: a referral's ask, a speaker's ask and stage, an
/// executive's conversation. Prospects get accounts of their own (without a customer-since date until they signed),
/// and the deals that referrals and events led to. Like <see cref="ScaleData"/> the rows bypass EF Core, in one
/// transaction, and write no audit entries; referrals carry no history of moves. The same seed gives the same records
/// (dates are relative to the day of seeding).
/// </remarks>
public sealed class ScalePrograms(VouchDbContext db, UserManager<User> users, DatabaseSettings settings, TimeProvider clock)
{
    public const string ExecutiveEmailDomain = "executives.vouch.example";

    private const int ContactsPerReferral = 50;
    private const int ContactsPerEvent = 500;
    private const int ContactsPerExecutive = 10_000;
    private const int MaxExecutives = 100;
    private const int AccountsSponsored = 10;

    private static readonly (EventKind Kind, int Weight, double ProspectShare, double Converts)[] s_eventKinds =
    [
        (EventKind.UserGroup, 25, 0.2, 0.2), (EventKind.Webinar, 30, 0.4, 0.1), (EventKind.ProspectMixer, 15, 0.7, 0.5),
        (EventKind.Conference, 10, 0.4, 0.2), (EventKind.AdvisoryBoard, 10, 0, 0), (EventKind.CustomerHosted, 10, 0.4, 0.3),
    ];

    private static readonly string[] s_topics =
    [
        "Rolling out across regional teams", "Reporting executives read", "Migrating from spreadsheets", "Security reviews without the wait",
        "Automating renewals", "Integrating with the CRM", "Measuring adoption", "Onboarding in a week",
    ];

    private static readonly string[] s_cities = ["London", "New York", "Berlin", "Chicago", "Paris", "Toronto", "Sydney", "Amsterdam", "Austin", "Singapore"];

    private static readonly string[] s_learned =
    [
        "Reporting takes them too long at quarter end.", "They want the mobile app for their field teams.", "Onboarding new regions is slow.",
        "The integration with the CRM saves them hours.", "Pricing for extra seats worries procurement.", "Support answers quickly.",
        "They would speak at the user group.", "Security reviews hold up every new team.",
    ];

    private static readonly string[] s_value = ["Faster quarter-end reporting", "One place for every customer story", "Fewer spreadsheets", "Renewals on time"];

    private static readonly string[] s_escalations = ["Outage in the EU region", "Data export failing", "Renewal pricing dispute", "Slow support on a P1"];

    /// <summary>Programs go only into a database that has contacts and none of them yet, so scale data never mixes with real records.</summary>
    public async Task<bool> HasProgramsAsync(CancellationToken ct = default) =>
        await db.Set<Referral>().AnyAsync(ct) || await db.Set<Event>().AnyAsync(ct) || await db.Set<ExecutiveConversation>().AnyAsync(ct);

    /// <summary>Seeds the programs; returns null (and writes nothing) when the database has no contacts or has programs already.</summary>
    public async Task<ProgramsScaleSummary?> SeedAsync(Action<ScaleProgress>? progress = null, CancellationToken ct = default)
    {
        if (await HasProgramsAsync(ct))
        {
            return null;
        }
        var total = Stopwatch.StartNew();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var contacts = await db.Contacts.AsNoTracking().OrderBy(c => c.Id).Select(c => new Person(c.Id, c.AccountId)).ToListAsync(ct);
        if (contacts.Count == 0)
        {
            return null;
        }
        var referenceable = await db.Contacts.AsNoTracking().Where(c => c.Consent != ConsentLevel.None)
            .OrderBy(c => c.Id).Select(c => new Person(c.Id, c.AccountId)).ToListAsync(ct);
        if (referenceable.Count == 0)
        {
            referenceable = contacts;
        }
        var accounts = await db.Accounts.AsNoTracking().OrderBy(a => a.Id)
            .Select(a => new Customer(a.Id, a.Segment, a.IndustryId, a.Region, a.CountryCode, a.OwnerId)).ToListAsync(ct);
        var activities = await db.ActivityTypes.AsNoTracking().ToDictionaryAsync(a => a.Key, a => (a.Id, a.EffortHours), ct);
        var faker = new Faker("en") { Random = new Randomizer(ScaleData.RandomSeed + 20) };
        var executives = await EnsureExecutivesAsync(faker, Math.Clamp(contacts.Count / ContactsPerExecutive, 3, MaxExecutives), ct);

        var plan = new Plan(new Random(ScaleData.RandomSeed + 21), faker, today, activities);
        plan.Referrals(referenceable, accounts, Math.Max(10, contacts.Count / ContactsPerReferral));
        plan.Events(contacts, referenceable, accounts, Math.Max(10, contacts.Count / ContactsPerEvent));
        plan.Conversations(executives, contacts, accounts);
        plan.AccountReviews(accounts);

        var loads = new List<ScaleTableLoad>();
        var steps = new List<SeedStep>();
        await using (var writer = await EntityBulkWriter.OpenAsync(db, settings, ct))
        {
            async Task LoadAsync<T>(IReadOnlyCollection<T> rows) where T : class
            {
                var stopwatch = Stopwatch.StartNew();
                var table = writer.TableOf<T>();
                await writer.WriteAsync(rows, ct);
                loads.Add(new ScaleTableLoad(table, rows.Count, stopwatch.Elapsed));
                progress?.Invoke(new ScaleProgress(table, rows.Count, rows.Count, stopwatch.Elapsed));
            }

            // Parents before children: PostgreSQL checks every foreign key as the rows are copied in.
            await LoadAsync(plan.ProspectAccounts);
            await LoadAsync(plan.Deals);
            await LoadAsync(plan.Ledger);
            await LoadAsync(plan.ReferralRows);
            await LoadAsync(plan.EventRows);
            await LoadAsync(plan.Speakers);
            await LoadAsync(plan.Attendees);
            await LoadAsync(plan.Targets);
            await LoadAsync(plan.ConversationRows);
            await LoadAsync(plan.Sponsors);
            await LoadAsync(plan.Reviews);
            await LoadAsync(plan.Escalations);
            Type[] analysed =
            [
                typeof(Account), typeof(Opportunity), typeof(Engagement), typeof(Referral), typeof(Event), typeof(EventSpeaker),
                typeof(EventAttendee), typeof(ExecutiveTarget), typeof(ExecutiveConversation), typeof(ExecutiveSponsor),
                typeof(AccountReview), typeof(Escalation),
            ];
            await writer.FinishAsync(analysed, [], steps, ct);
        }
        return new ProgramsScaleSummary(executives.Count, loads, steps, total.Elapsed);
    }

    /// <summary>Executives who hold the conversations. They have no password: they stand for the leadership team, not for people who sign in.</summary>
    private async Task<IReadOnlyList<Executive>> EnsureExecutivesAsync(Faker faker, int count, CancellationToken ct)
    {
        var executives = new List<Executive>(count);
        for (var i = 0; i < count; i++)
        {
            var name = faker.Name.FullName();
            var email = $"exec{i + 1:000}@{ExecutiveEmailDomain}";
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = clock.GetUtcNow() };
                var result = await users.CreateAsync(user);
                if (result.Succeeded)
                {
                    result = await users.AddToRoleAsync(user, Roles.Executive);
                }
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Could not add executive {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                }
            }
            executives.Add(new Executive(user.Id, user.DisplayName ?? name));
            ct.ThrowIfCancellationRequested();
        }
        return executives;
    }

    private sealed record Person(Guid Id, Guid AccountId);

    private sealed record Customer(Guid Id, Segment? Segment, Guid? IndustryId, Region? Region, string? CountryCode, Guid? OwnerId);

    private sealed record Executive(Guid Id, string Name);

    /// <summary>The records to write, drawn in one pass from one random sequence.</summary>
    private sealed class Plan(Random random, Faker faker, DateOnly today, IReadOnlyDictionary<string, (Guid Id, decimal EffortHours)> activities)
    {
        private readonly SequentialIds _ids = new(random);
        private int _prospects;

        public List<Account> ProspectAccounts { get; } = [];
        public List<Opportunity> Deals { get; } = [];
        public List<Engagement> Ledger { get; } = [];
        public List<Referral> ReferralRows { get; } = [];
        public List<Event> EventRows { get; } = [];
        public List<EventSpeaker> Speakers { get; } = [];
        public List<EventAttendee> Attendees { get; } = [];
        public List<ExecutiveTarget> Targets { get; } = [];
        public List<ExecutiveConversation> ConversationRows { get; } = [];
        public List<ExecutiveSponsor> Sponsors { get; } = [];
        public List<AccountReview> Reviews { get; } = [];
        public List<Escalation> Escalations { get; } = [];

        /// <summary>
        /// Two years of referrals: a fifth still new, some contacted or qualified, and half taken to a deal on a
        /// prospect account of its own, most of those closed (three won for every lost one).
        /// </summary>
        public void Referrals(List<Person> referrers, List<Customer> accounts, int count)
        {
            var owners = accounts.ToDictionary(a => a.Id, a => a.OwnerId);
            for (var i = 0; i < count; i++)
            {
                var referrer = referrers[random.Next(referrers.Count)];
                var at = At(today.AddDays(-random.Next(730)));
                var (company, domain) = ProspectCompany();
                var (first, last) = (faker.Name.FirstName(), faker.Name.LastName());
                var roll = random.NextDouble();
                var status = roll switch
                {
                    < 0.20 => ReferralStatus.New,
                    < 0.35 => ReferralStatus.Contacted,
                    < 0.50 => ReferralStatus.Qualified,
                    _ => ReferralStatus.Opportunity,
                };
                Guid? opportunityId = null;
                if (status == ReferralStatus.Opportunity)
                {
                    var closes = DateOnly.FromDateTime(at.UtcDateTime).AddDays(random.Next(30, 240));
                    var outcome = closes > today ? (bool?)null : roll < 0.875;
                    var prospect = Prospect(company, owners[referrer.AccountId], outcome == true ? closes : null);
                    opportunityId = Deal(prospect, $"{company} – referred", Amount(10_000, 400_000), closes, outcome).Id;
                }
                var referral = new Referral
                {
                    Id = _ids.Next(),
                    ReferredById = referrer.Id,
                    AccountId = referrer.AccountId,
                    Company = company,
                    CompanyDomain = domain,
                    PersonName = $"{first} {last}",
                    PersonTitle = faker.Name.JobTitle(),
                    PersonEmail = $"{first}.{last}@{domain}".ToLowerInvariant(),
                    Status = status,
                    CreatedAt = at,
                    OpportunityId = opportunityId,
                    Version = ScaleData.RandomId(random),
                };
                ReferralRows.Add(referral);
                Ledger.Add(Entry(referrer, EngagementKind.Ask, "referral", EngagementStatus.Completed, at, $"Referred {referral.PersonName} at {company}"));
            }
        }

        /// <summary>
        /// Three years of events and the next three months: advocates on stage (an ask of their time and a give of a
        /// stage), customers and prospects registered, most of them checked in once the event was held, and, within
        /// the conversion window, prospects who signed: their account's customer-since date and its first won deal.
        /// </summary>
        public void Events(List<Person> contacts, List<Person> speakers, List<Customer> accounts, int count)
        {
            var weights = s_eventKinds.Sum(k => k.Weight);
            for (var i = 0; i < count; i++)
            {
                var draw = random.Next(weights);
                var kind = s_eventKinds.First(k => (draw -= k.Weight) < 0);
                var on = random.NextDouble() < 0.05 ? today.AddDays(random.Next(1, 90)) : today.AddDays(-random.Next(1, 3 * 365));
                var held = on <= today;
                var online = kind.Kind == EventKind.Webinar;
                var topic = s_topics[random.Next(s_topics.Length)];
                var planned = new Event
                {
                    Id = _ids.Next(),
                    Kind = kind.Kind,
                    Title = $"{Event.Words(kind.Kind)}: {topic}",
                    Topic = topic,
                    StartsOn = on,
                    StartsAt = At(on).AddHours(16),
                    EndsAt = At(on).AddHours(online ? 17 : 19),
                    Place = online ? $"https://events.vouch.example/{i + 1}" : s_cities[random.Next(s_cities.Length)],
                    Capacity = random.Next(30, 151),
                    HostAccountId = kind.Kind == EventKind.CustomerHosted ? accounts[random.Next(accounts.Count)].Id : null,
                    CreatedAt = At(on.AddDays(-random.Next(20, 90))),
                    Version = ScaleData.RandomId(random),
                };
                EventRows.Add(planned);
                var activity = EventPlanner.ActivityOf(kind.Kind);
                var status = held ? EngagementStatus.Completed : EngagementStatus.Scheduled;
                foreach (var speaker in Distinct(speakers, random.Next(1, 4)))
                {
                    var title = $"Speaking at {planned.Title}";
                    var ask = Entry(speaker, EngagementKind.Ask, activity, status, planned.StartsAt, title);
                    var give = Entry(speaker, EngagementKind.Give, activity, status, planned.StartsAt, title);
                    give.CreditHours = activities[activity].EffortHours;
                    Ledger.Add(ask);
                    Ledger.Add(give);
                    Speakers.Add(new EventSpeaker
                    {
                        Id = _ids.Next(), EventId = planned.Id, ContactId = speaker.Id, AskEngagementId = ask.Id, GiveEngagementId = give.Id,
                        AddedAt = planned.CreatedAt,
                    });
                }
                var registered = Math.Min(planned.Capacity, random.Next(20, 71));
                var prospects = (int)Math.Round(registered * kind.ProspectShare);
                foreach (var customer in Distinct(contacts, registered - prospects))
                {
                    Attend(planned, AttendeeRole.Customer, customer.Id, customer.AccountId, null, held && random.NextDouble() < 0.75);
                }
                for (var p = 0; p < prospects; p++)
                {
                    var checkedIn = held && random.NextDouble() < 0.8;
                    var (company, domain) = ProspectCompany();
                    var (first, last) = (faker.Name.FirstName(), faker.Name.LastName());
                    var attendee = Attend(planned, AttendeeRole.Prospect, null, null, $"{first} {last}", checkedIn);
                    (attendee.Email, attendee.Company) = ($"{first}.{last}@{domain}".ToLowerInvariant(), company);
                    if (random.NextDouble() < 0.1)
                    {
                        continue; // known by name and email only
                    }
                    var signs = checkedIn && random.NextDouble() < kind.Converts ? on.AddDays(random.Next(14, 200)) : (DateOnly?)null;
                    var signed = signs <= today ? signs : null;
                    var prospect = Prospect(company, accounts[random.Next(accounts.Count)].OwnerId, signed);
                    attendee.AccountId = prospect.Id;
                    if (signed is { } day)
                    {
                        Deal(prospect, $"{company} – first order", Amount(5_000, 250_000), day, won: true);
                    }
                }
            }
        }

        /// <summary>
        /// Executives' conversations from the start of last year to today, between 10 and 90 a year each so that some are
        /// behind their target; a third have a target of their own; each sponsors up to ten enterprise accounts.
        /// </summary>
        public void Conversations(IReadOnlyList<Executive> executives, List<Person> contacts, List<Customer> accounts)
        {
            var start = new DateOnly(today.Year - 1, 1, 1);
            var days = today.DayNumber - start.DayNumber + 1;
            var enterprise = accounts.Where(a => a.Segment == Segment.Enterprise).ToList();
            var sponsored = 0;
            foreach (var executive in executives)
            {
                if (random.Next(3) == 0)
                {
                    Targets.Add(new ExecutiveTarget { ExecutiveId = executive.Id, ConversationsPerYear = random.Next(2) == 0 ? 40 : 50 });
                }
                var perYear = random.Next(10, 91);
                var count = perYear * days / 365;
                for (var i = 0; i < count; i++)
                {
                    var with = contacts[random.Next(contacts.Count)];
                    var on = start.AddDays(random.Next(days));
                    var followUps = random.NextDouble() < 0.3 ? "Send the roadmap for reporting." : null;
                    var give = Entry(with, EngagementKind.Give, null, EngagementStatus.Completed, At(on), $"Conversation with {executive.Name}");
                    give.CreditHours = 0.5m;
                    Ledger.Add(give);
                    ConversationRows.Add(new ExecutiveConversation
                    {
                        Id = _ids.Next(),
                        ExecutiveId = executive.Id,
                        ContactId = with.Id,
                        AccountId = with.AccountId,
                        HeldOn = on,
                        Channel = (ConversationChannel)random.Next(3),
                        Minutes = 30,
                        ProductUse = "Runs the reference program for their sales teams.",
                        Value = s_value[random.Next(s_value.Length)],
                        Sentiment = (Sentiment)(random.NextDouble() switch { < 0.65 => 0, < 0.9 => 1, _ => 2 }),
                        Learned = s_learned[random.Next(s_learned.Length)],
                        FollowUps = followUps,
                        FollowUpsDone = followUps is not null && random.NextDouble() < 0.6,
                        EngagementId = give.Id,
                        RecordedAt = At(on).AddHours(18),
                    });
                }
                for (var i = 0; i < AccountsSponsored && sponsored < enterprise.Count; i++, sponsored++)
                {
                    Sponsors.Add(new ExecutiveSponsor { AccountId = enterprise[sponsored].Id, ExecutiveId = executive.Id, Since = start.AddDays(random.Next(days)) });
                }
            }
        }

        /// <summary>
        /// Each enterprise customer's last quarterly review (mostly green, some amber, a few red), the next one on the
        /// calendar, and escalations: open at a few of the accounts, closed at some more.
        /// </summary>
        public void AccountReviews(List<Customer> accounts)
        {
            foreach (var account in accounts.Where(a => a.Segment == Segment.Enterprise))
            {
                var health = random.NextDouble() switch { < 0.75 => DeliveryHealth.Green, < 0.93 => DeliveryHealth.Amber, _ => DeliveryHealth.Red };
                var heldOn = today.AddDays(-random.Next(1, 90));
                var last = new AccountReview
                {
                    Id = _ids.Next(), AccountId = account.Id, ScheduledOn = heldOn, HeldOn = heldOn, Health = health,
                    Notes = health == DeliveryHealth.Green ? "Delivery on plan." : "Delivery behind plan.", Version = ScaleData.RandomId(random),
                };
                Reviews.Add(last);
                Reviews.Add(new AccountReview { Id = _ids.Next(), AccountId = account.Id, ScheduledOn = heldOn.AddDays(91), Version = ScaleData.RandomId(random) });
                var escalation = random.NextDouble();
                if (escalation < 0.08)
                {
                    var opened = heldOn.AddDays(-random.Next(0, 30));
                    Escalations.Add(new Escalation
                    {
                        Id = _ids.Next(), AccountId = account.Id, ReviewId = last.Id, Title = s_escalations[random.Next(s_escalations.Length)],
                        OpenedOn = opened, ClosedOn = escalation < 0.03 ? null : opened.AddDays(random.Next(3, 30)),
                    });
                }
            }
        }

        private EventAttendee Attend(Event planned, AttendeeRole role, Guid? contactId, Guid? accountId, string? name, bool checkedIn)
        {
            var attendee = new EventAttendee
            {
                Id = _ids.Next(), EventId = planned.Id, ContactId = contactId, AccountId = accountId, Name = name, Role = role,
                RegisteredAt = planned.CreatedAt.AddDays(random.Next(1, 15)), CheckedInAt = checkedIn ? planned.StartsAt.AddMinutes(random.Next(-10, 40)) : null,
            };
            Attendees.Add(attendee);
            return attendee;
        }

        /// <summary>A prospect's account: a customer from the day it signed, when it signed.</summary>
        private Account Prospect(string company, Guid? ownerId, DateOnly? customerSince)
        {
            var revenue = customerSince is null ? (decimal?)null : Amount(5_000, 400_000);
            var account = new Account
            {
                Id = _ids.Next(),
                Name = company,
                Segment = (Segment)random.Next(3),
                Region = (Region)random.Next(4),
                Employees = (int)Amount(20, 20_000),
                AnnualRevenue = revenue,
                GrossProfit = revenue is { } r ? Math.Round(r * 0.4m, 0) : null,
                CustomerSince = customerSince,
                ContractDate = customerSince,
                OwnerId = ownerId,
                ExternalId = $"SCALE-P{++_prospects:D7}",
                Version = ScaleData.RandomId(random),
            };
            ProspectAccounts.Add(account);
            return account;
        }

        private Opportunity Deal(Account account, string name, decimal amount, DateOnly closes, bool? won)
        {
            var deal = new Opportunity
            {
                Id = _ids.Next(),
                AccountId = account.Id,
                Name = name,
                Amount = amount,
                Stage = won switch { true => "Closed Won", false => "Closed Lost", null => "Qualification" },
                CloseDate = closes,
                IsClosed = won is not null,
                IsWon = won == true,
                OwnerId = account.OwnerId,
                ExternalId = $"SCALE-Q{Deals.Count + 1:D7}",
                Version = ScaleData.RandomId(random),
            };
            Deals.Add(deal);
            return deal;
        }

        private Engagement Entry(Person contact, EngagementKind kind, string? activity, EngagementStatus status, DateTimeOffset at, string title) => new()
        {
            Id = _ids.Next(),
            ContactId = contact.Id,
            AccountId = contact.AccountId,
            Kind = kind,
            ActivityTypeId = activity is null ? null : activities[activity].Id,
            Title = title.Length > Engagement.TitleMaxLength ? title[..Engagement.TitleMaxLength] : title,
            Status = status,
            At = at,
            Version = ScaleData.RandomId(random),
        };

        /// <summary>A company name and a web domain no other prospect has, so the referrals' deduplication keeps them apart.</summary>
        private (string Company, string Domain) ProspectCompany()
        {
            var company = faker.Company.CompanyName();
            return (company, $"{Keys.FromName(company)}-{_prospects + ReferralRows.Count + Attendees.Count}.example");
        }

        private IEnumerable<Person> Distinct(List<Person> people, int count)
        {
            var picked = new HashSet<int>();
            while (picked.Count < Math.Min(count, people.Count))
            {
                var index = random.Next(people.Count);
                if (picked.Add(index))
                {
                    yield return people[index];
                }
            }
        }

        private decimal Amount(double min, double max) => Math.Round((decimal)ScaleData.LogUniform(random, min, max), 0);

        private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }
}
