using Bogus;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Catalog;
using Vouch.Features.Contacts;
using Vouch.Features.Content;
using Vouch.Features.Engagements;
using Vouch.Features.Ideas;
using Vouch.Features.Opportunities;
using Vouch.Features.Requests;
using Vouch.Features.Users;
using Vouch.Features.Webhooks;

namespace Vouch.Seeding;

/// <summary>
/// A small, believable reference program to click through: one user per role, products, accounts,
/// contacts and deals, and an idea exchange with votes. The same every time (a fixed random seed), and only into an
/// empty database.
/// </summary>
public sealed class DemoData(
    VouchDbContext db, UserAdministration users, IdeaExchange ideas, TimeProvider clock, IContentFileStore contentFiles, WebhookSubscriptions webhooks,
    WebhookEvents webhookEvents, IDataProtectionProvider protection)
{
    public const string Password = "Vouch-demo-2026";

    public static readonly IReadOnlyList<(string Email, string Name, string Role)> People =
    [
        ("admin@vouch.demo", "Ada Admin", Roles.Admin),
        ("manager@vouch.demo", "Rita Reference", Roles.ReferenceManager),
        ("seller@vouch.demo", "Sam Seller", Roles.Seller),
        ("exec@vouch.demo", "Eve Executive", Roles.Executive),
        ("advocate@vouch.demo", "Alex Advocate", Roles.Advocate),
    ];

    private static readonly string[] s_products = ["Vouch Cloud", "Vouch Analytics", "Vouch Connect", "Vouch Mobile", "Vouch Security"];
    private static readonly string[] s_competitors = ["Acme Refs", "Spreadsheet", "AdvocatePro", "RefBase"];

    public async Task<bool> IsEmptyAsync(CancellationToken ct) =>
        !await db.Users.AnyAsync(ct) && !await db.Accounts.AnyAsync(ct);

    /// <summary>Seeds the demo program; returns false (and writes nothing) when the database already has data.</summary>
    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        if (!await IsEmptyAsync(ct))
        {
            return false;
        }
        foreach (var (email, name, role) in People)
        {
            var added = await users.AddAsync(email, name, role, Password);
            if (!added.Succeeded)
            {
                throw new InvalidOperationException($"Could not add demo user {email}: {added.Refusal.Message}");
            }
        }
        var sellerIds = await db.Users.Where(u => u.Email == "seller@vouch.demo" || u.Email == "manager@vouch.demo").Select(u => u.Id).ToListAsync(ct);

        var products = s_products.Select(name => new Product { Key = Keys.FromName(name), Name = name }).ToList();
        db.Products.AddRange(products);
        var industries = await db.Industries.ToListAsync(ct);

        var faker = new Faker("en") { Random = new Randomizer(2026) };
        // The sales cycles from a stream of their own, so the rest of the demo is the same as without them.
        var cycles = new Random(2027);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        for (var i = 0; i < 24; i++)
        {
            var country = faker.PickRandom<(string Code, Region Region)>(DemoCountries);
            var account = new Account
            {
                Name = faker.Company.CompanyName(),
                IndustryId = faker.PickRandom(industries).Id,
                Segment = faker.PickRandom<Segment>(),
                Region = country.Region,
                CountryCode = country.Code,
                Employees = faker.Random.Int(20, 40_000),
                AnnualRevenue = Math.Round(faker.Random.Decimal(20_000, 2_000_000), 0),
                CustomerSince = today.AddDays(-faker.Random.Int(60, 3000)),
                ContractDate = today.AddDays(-faker.Random.Int(10, 700)),
                OwnerId = faker.PickRandom(sellerIds),
                Products = faker.PickRandom(products, faker.Random.Int(1, 3)).ToList(),
                CompetitorsReplaced = faker.Random.Bool(0.4f) ? [faker.PickRandom(s_competitors)] : [],
            };
            account.GrossProfit = Math.Round(account.AnnualRevenue.Value * faker.Random.Decimal(0.2m, 0.7m), 0);
            db.Accounts.Add(account);
            for (var c = faker.Random.Int(2, 5); c > 0; c--)
            {
                var first = faker.Name.FirstName();
                var last = faker.Name.LastName();
                db.Contacts.Add(new Contact
                {
                    AccountId = account.Id,
                    FirstName = first,
                    LastName = last,
                    Title = faker.Name.JobTitle(),
                    Email = faker.Internet.Email(first, last, account.Name.Split(' ', ',')[0].ToLowerInvariant() + ".example"),
                    Phone = faker.Phone.PhoneNumber("+1 ###-###-####"),
                    PersonalityStyle = faker.PickRandom<PersonalityStyle>(),
                    SocialCapitalWanted = (SocialCapital)faker.Random.Int(1, 31),
                    IsLeadUser = faker.Random.Bool(0.2f),
                    HelpsOthers = faker.Random.Bool(0.4f),
                    AdvocacyStage = faker.PickRandom<AdvocacyStage>(),
                    IsDefender = faker.Random.Bool(0.1f),
                });
            }
            for (var o = faker.Random.Int(1, 3); o > 0; o--)
            {
                var closed = faker.Random.Bool(0.6f);
                var deal = new Opportunity
                {
                    AccountId = account.Id,
                    Name = $"{account.Name} – {faker.PickRandom(s_products)}",
                    Amount = Math.Round(faker.Random.Decimal(10_000, 500_000), 0),
                    Stage = closed ? "Closed" : faker.PickRandom("Prospecting", "Qualification", "Proposal", "Negotiation"),
                    CloseDate = closed ? today.AddDays(-faker.Random.Int(1, 700)) : today.AddDays(faker.Random.Int(7, 180)),
                    IsClosed = closed,
                    IsWon = closed && faker.Random.Bool(0.55f),
                    OwnerId = account.OwnerId,
                    Competitor = faker.Random.Bool(0.5f) ? faker.PickRandom(s_competitors) : null,
                };
                deal.OpenedOn = deal.CloseDate.AddDays(-cycles.Next(30, 150));
                db.Opportunities.Add(deal);
            }
        }
        await db.SaveChangesAsync(ct);
        await DemoContent.SeedAsync(db, contentFiles, await db.Accounts.Include(a => a.Products).OrderBy(a => a.Name).ToListAsync(ct), clock, ct);
        await SeedReferenceabilityAsync(today, ct);
        await SeedIdeasAsync(faker, products, ct);
        await SeedReferencesAsync(today, ct);
        await DemoPortal.SeedAsync(db, clock, ct);
        await DemoGifts.SeedAsync(db, clock, ct);
        await DemoOffers.SeedAsync(db, clock, ct);
        await DemoDiscovery.SeedAsync(db, clock, ct);
        await DemoEvents.SeedAsync(db, clock, ct);
        await DemoReferrals.SeedAsync(db, clock, ct);
        await DemoReviews.SeedAsync(db, clock, ct);
        await DemoExecutives.SeedAsync(db, users, clock, ct);
        await DemoProgram.SeedAsync(db, clock, ct);
        await DemoPolicies.SeedAsync(db, clock, ct);
        await DemoValue.SeedAsync(db, clock, ct);
        await DemoMarket.SeedAsync(db, clock, ct);
        // Last: subscribed earlier, the webhooks would get a delivery for every change the demo makes as it is seeded.
        await DemoWebhooks.SeedAsync(db, webhooks, webhookEvents, clock, ct);
        // After every notification the demo makes: linked earlier, each would queue a message.
        await DemoDirectMessages.SeedAsync(db, protection, clock, ct);
        return true;
    }

    /// <summary>
    /// Referenceable advocates: a dozen contacts (the demo advocate among them) who agreed to reference calls, a few of
    /// their past asks with ratings, and one open request of the demo seller, so the whole request path can be tried.
    /// </summary>
    private async Task SeedReferencesAsync(DateOnly today, CancellationToken ct)
    {
        var random = new Randomizer(4711);
        var now = clock.GetUtcNow();
        var call = await db.ActivityTypes.SingleAsync(t => t.Key == "reference-call", ct);
        var caseStudy = await db.ActivityTypes.SingleAsync(t => t.Key == "case-study", ct);
        var settled = today.AddDays(-120);
        // The referenceable advocates seeded above, and the demo advocate, who agrees here so the portal has asks.
        var advocates = await db.Contacts.Include(c => c.Account).Include(c => c.AgreedActivities)
            .Where(c => c.AgreedActivities.Any(t => t.Id == call.Id) || c.Email == "advocate@vouch.demo")
            .OrderBy(c => c.LastName).ThenBy(c => c.Id).Take(12).ToListAsync(ct);
        for (var i = 0; i < advocates.Count; i++)
        {
            var contact = advocates[i];
            if (contact.Account!.ContractDate is null || contact.Account.ContractDate >= settled)
            {
                contact.Account.ContractDate = today.AddDays(-400);
            }
            if (contact.Consent == ConsentLevel.None)
            {
                contact.Consent = ConsentLevel.Written;
                contact.ConsentGivenOn = today.AddDays(-random.Int(30, 400));
                contact.ConsentExpiresOn = contact.ConsentGivenOn.Value.AddYears(2);
                contact.AgreedActivities = [call, caseStudy];
                contact.MaxAsksPerQuarter = 3;
                (contact.UseCase, contact.Results, contact.Quotes) = s_stories[i % s_stories.Length];
                db.ConsentRecords.Add(new ConsentRecord
                {
                    ContactId = contact.Id, RecordedAt = now, Consent = contact.Consent, GivenOn = contact.ConsentGivenOn,
                    ExpiresOn = contact.ConsentExpiresOn, ActivityTypes = "case-study,reference-call",
                });
            }
        }
        // Some have been asked before: rated calls spread over the last months, one still resting.
        foreach (var (contact, daysAgo, rating) in advocates.Take(5).Zip([12, 45, 80, 150, 200], [5, 4, 3, 5, 4]))
        {
            db.Engagements.Add(new Engagement
            {
                ContactId = contact.Id, AccountId = contact.AccountId, Kind = EngagementKind.Ask, ActivityTypeId = call.Id,
                Status = EngagementStatus.Completed, At = now.AddDays(-daysAgo), Rating = rating, Notes = "Demo: a past reference call.",
            });
        }
        var seller = await db.Users.SingleAsync(u => u.Email == "seller@vouch.demo", ct);
        var deal = await db.Opportunities.Where(o => o.OwnerId == seller.Id && !o.IsClosed).OrderBy(o => o.CloseDate).ThenBy(o => o.Id).FirstOrDefaultAsync(ct);
        var account = deal is null ? null : await db.Accounts.Include(a => a.Products).SingleAsync(a => a.Id == deal.AccountId, ct);
        var request = new ReferenceRequest
        {
            RequesterId = seller.Id,
            OpportunityId = deal?.Id,
            ActivityTypeId = call.Id,
            NeededBy = today.AddDays(21),
            IndustryId = account?.IndustryId,
            Products = account?.Products ?? [],
            Region = account?.Region,
            CountryCode = account?.CountryCode,
            Employees = account?.Employees,
            Competitor = deal?.Competitor,
            UseCase = "How they roll out across regional teams",
            Status = RequestStatus.Submitted,
            CreatedAt = now,
            StepDueAt = BusinessDays.Add(now, 1),
        };
        db.ReferenceRequests.Add(request);
        db.RequestTransitions.Add(new RequestTransition { RequestId = request.Id, To = RequestStatus.Submitted, At = now, ByUserId = seller.Id, ByName = seller.Email! });
        await db.SaveChangesAsync(ct);
    }

    // Age stretches the days since an idea was posted (40 to 70, times Age); Lean bends when its votes came: above 1 most
    // came soon after it was posted and it has cooled, below 1 most came lately and it is rising.
    private static readonly (string Title, string Description, int Product, int Votes, IdeaStatus Status, string? Response, double Age, double Lean)[] s_ideas =
    [
        ("Export reports to Excel", "Our finance team rebuilds every report in a spreadsheet. A one-click export would save hours each month.", 1, 14, IdeaStatus.Planned, "Planned for the next quarter's release.", 5, 3),
        ("Single sign-on with SAML", "We cannot roll out new tools without SSO through our identity provider.", 4, 11, IdeaStatus.InProgress, "Being built now; a beta opens next month.", 4, 2),
        ("Dark mode", "Easier on the eyes during late shifts.", 3, 9, IdeaStatus.New, null, 3, 1.5),
        ("Slack notifications for approvals", "Approvers live in Slack; email reminders get lost.", 2, 8, IdeaStatus.UnderReview, "We are talking to customers about which events matter most.", 1, 0.25),
        ("Bulk edit contacts", "Updating fifty records one at a time is painful after a reorganisation.", 0, 7, IdeaStatus.Delivered, "Shipped in 4.2: select rows and edit them together.", 4, 2),
        ("Offline mode for the mobile app", "Our field engineers work in basements without signal.", 3, 6, IdeaStatus.New, null, 2, 1),
        ("Audit log export to our SIEM", "Security wants every change in our central log store.", 4, 5, IdeaStatus.New, null, 1.5, 0.5),
        ("Custom fields on accounts", "Every company tracks something special about its customers.", 0, 5, IdeaStatus.New, null, 3, 1),
        ("Fax integration", "Some of our suppliers still only take faxes.", 2, 2, IdeaStatus.Declined, "We will not support fax; email to fax gateways work with our email integration.", 5, 1),
        ("Scheduled PDF reports by email", "Executives want a PDF in their inbox every Monday.", 1, 4, IdeaStatus.New, null, 2, 1),
        ("Two-factor authentication with hardware keys", "Our policy requires FIDO2 keys for all admin tools.", 4, 3, IdeaStatus.New, null, 1, 0.5),
        // Not merged yet: the board's likely duplicates (/ideas/duplicates) offer it for review beside "Bulk edit contacts".
        ("Edit many contacts at once", "After a reorganisation we change owners on dozens of contacts.", 2, 2, IdeaStatus.New, null, 1, 1),
        ("Excel export of reports", "Please let us download any report as an xlsx file.", 1, 3, IdeaStatus.New, null, 2, 1),
    ];

    /// <summary>
    /// A dozen ideas posted through the year, with votes cast over months, so the board's sorts differ: the most voted
    /// idea had its votes long ago, while the hot board leads with one drawing votes now. Customers' portal users (who
    /// have not chosen a password yet) vote with the demo users, and the last idea is merged into the first.
    /// </summary>
    private async Task SeedIdeasAsync(Faker faker, List<Product> products, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var staff = await db.Users.Where(u => u.Email!.EndsWith("@vouch.demo")).ToDictionaryAsync(u => u.Email!, ct);
        var contacts = await db.Contacts.OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id).ToListAsync(ct);
        var advocateRole = StableId.For("role:" + Roles.Advocate);
        var customers = new List<User>();
        foreach (var contact in contacts.Where(c => c.Email is not null).DistinctBy(c => c.Email!.ToUpperInvariant()).Take(24))
        {
            var customer = new User
            {
                UserName = contact.Email,
                NormalizedUserName = contact.Email!.ToUpperInvariant(),
                Email = contact.Email,
                NormalizedEmail = contact.Email.ToUpperInvariant(),
                EmailConfirmed = true,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                DisplayName = contact.FullName,
                CreatedAt = now,
                ContactId = contact.Id,
            };
            db.Users.Add(customer);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = customer.Id, RoleId = advocateRole });
            customers.Add(customer);
        }
        // The demo advocate is a contact too, so their votes weigh with their account's value.
        var advocate = staff["advocate@vouch.demo"];
        var alex = new Contact { AccountId = contacts[0].AccountId, FirstName = "Alex", LastName = "Advocate", Email = advocate.Email, AdvocacyStage = AdvocacyStage.Advocate };
        db.Contacts.Add(alex);
        advocate.ContactId = alex.Id;
        await db.SaveChangesAsync(ct);

        var voters = customers.Concat(staff.Values).ToList();
        var accountOf = contacts.Append(alex).ToDictionary(c => c.Id, c => c.AccountId);
        var authors = new[] { advocate }.Concat(customers.Take(6)).Append(staff["seller@vouch.demo"]).ToList();
        var posted = new List<Idea>();
        foreach (var (title, description, product, votes, _, _, age, lean) in s_ideas)
        {
            var idea = new Idea
            {
                Title = title,
                Description = description,
                ProductId = products[product].Id,
                AuthorId = faker.PickRandom(authors).Id,
                CreatedAt = now.AddDays(-faker.Random.Double(40, 70) * age),
                Status = IdeaStatus.New,
            };
            ideas.Add(idea);
            foreach (var voter in faker.PickRandom(voters, votes))
            {
                var votedAt = idea.CreatedAt + (now - idea.CreatedAt) * Math.Pow(faker.Random.Double(0, 1), lean);
                db.IdeaVotes.Add(new IdeaVote { IdeaId = idea.Id, UserId = voter.Id, At = votedAt, AccountId = voter.ContactId is { } contact ? accountOf[contact] : null });
            }
            db.IdeaComments.Add(new IdeaComment { IdeaId = idea.Id, AuthorId = faker.PickRandom(voters).Id, Text = faker.PickRandom(s_comments), At = idea.CreatedAt.AddDays(1) });
            posted.Add(idea);
        }
        // The employees' own board: ideas colleagues share with each other, which no customer sees. Its own random
        // numbers, so the rest stays as it was.
        var random = new Randomizer(2718);
        var colleagues = staff.Values.Where(u => u.Id != advocate.Id).ToList();
        var employeeIdeas = new List<Idea>();
        foreach (var (title, description, votes) in s_employeeIdeas)
        {
            var idea = new Idea
            {
                Title = title,
                Description = description,
                AuthorId = random.ArrayElement([.. colleagues]).Id,
                CreatedAt = now.AddDays(-random.Double(5, 30)),
                Status = IdeaStatus.New,
                Board = IdeaBoard.Employee,
            };
            ideas.Add(idea);
            foreach (var voter in random.ListItems(colleagues, votes))
            {
                db.IdeaVotes.Add(new IdeaVote { IdeaId = idea.Id, UserId = voter.Id, At = idea.CreatedAt + (now - idea.CreatedAt) * random.Double(0, 1) });
            }
            employeeIdeas.Add(idea);
        }
        await db.SaveChangesAsync(ct);
        foreach (var idea in posted.Concat(employeeIdeas))
        {
            await ideas.RecountAsync(idea, ct);
        }
        await db.SaveChangesAsync(ct);

        var manager = new Viewer(staff["manager@vouch.demo"].Id, IsEmployee: true, IsManager: true);
        foreach (var (idea, (_, _, _, _, status, response, _, _)) in posted.Zip(s_ideas).Where(i => i.Second.Status != IdeaStatus.New))
        {
            await ideas.SetStatusAsync(manager, idea.Id, new StatusRequest(status.ToString(), response), ct);
        }
        await ideas.MergeAsync(manager, posted[^1].Id, new MergeRequest(posted[0].Id), ct);
    }

    private static readonly (string Title, string Description, int Votes)[] s_employeeIdeas =
    [
        ("Reference call prep kit for sellers", "A one-page brief per advocate before each call: their story, what not to ask, what they want from us.", 3),
        ("Thank advocates in the quarterly all-hands", "Name the customers who helped win our biggest deals, so the whole company knows them.", 2),
        ("Pair each new hire with an advocate call", "New sellers learn the product from a customer's mouth in their first month.", 1),
    ];

    private static readonly string[] s_comments =
    [
        "We need this too.", "This would save our team hours every week.", "+1 from our side.",
        "Is there a workaround in the meantime?", "Our auditors asked for exactly this.",
    ];

    internal static readonly IReadOnlyList<(string Code, Region Region)> DemoCountries =
    [
        ("US", Region.NorthAmerica), ("CA", Region.NorthAmerica), ("BR", Region.LatinAmerica), ("MX", Region.LatinAmerica),
        ("DE", Region.Emea), ("GB", Region.Emea), ("FR", Region.Emea), ("NL", Region.Emea),
        ("JP", Region.Apac), ("AU", Region.Apac), ("SG", Region.Apac), ("IN", Region.Apac),
    ];

    private static readonly (string UseCase, string Results, string Quote)[] s_stories =
    [
        ("Consolidates month-end close across 14 subsidiaries", "Close went from 12 days to 4; two audit findings fewer", "\"We close in four days now, and nobody works the weekend.\""),
        ("Replaced spreadsheets for customer onboarding", "Onboarding time down 60%; churn in the first 90 days halved", "\"Our new customers feel looked after from day one.\""),
        ("Runs field service scheduling for 300 technicians", "First-visit fix rate up from 71% to 88%", "\"The right engineer with the right part, first time.\""),
        ("Moved reporting from a legacy BI tool", "Saved 1.5 FTE of report building; executives self-serve", "\"I get my numbers before I finish my coffee.\""),
    ];

    /// <summary>
    /// A dozen advocates with written consent, a few agreed activities, room for 2–4 asks a quarter, a story and NPS
    /// answers, one with a blackout; NPS answers for some others. Its own random numbers, so the rest stays as it was.
    /// </summary>
    private async Task SeedReferenceabilityAsync(DateOnly today, CancellationToken ct)
    {
        var faker = new Faker("en") { Random = new Randomizer(4711) };
        var types = await db.ActivityTypes.Where(t => t.IsActive).OrderBy(t => t.SortOrder).ToListAsync(ct);
        var referenceCall = types.Single(t => t.Key == "reference-call");
        var contacts = await db.Contacts.OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id).ToListAsync(ct);
        var advocates = contacts.Where((_, index) => index % 5 == 0).Take(12).ToList();
        foreach (var (contact, index) in advocates.Select((c, i) => (c, i)))
        {
            var story = s_stories[index % s_stories.Length];
            contact.AdvocacyStage = index % 4 == 0 ? AdvocacyStage.RockStar : AdvocacyStage.Advocate;
            contact.Consent = ConsentLevel.Written;
            contact.ConsentGivenOn = today.AddDays(-faker.Random.Int(30, 400));
            contact.ConsentExpiresOn = contact.ConsentGivenOn.Value.AddYears(2);
            contact.ConsentScope = index % 3 == 0 ? "Calls with prospects in the same industry only" : null;
            contact.AgreedActivities = [referenceCall, .. faker.PickRandom(types.Where(t => t != referenceCall), faker.Random.Int(1, 3))];
            contact.MaxAsksPerQuarter = faker.Random.Int(2, 4);
            contact.PreferredChannels = faker.PickRandom(Channels.Email | Channels.Video, Channels.Email | Channels.Phone, Channels.Video);
            (contact.UseCase, contact.Results, contact.Quotes) = story;
            db.ConsentRecords.Add(new ConsentRecord
            {
                ContactId = contact.Id, RecordedAt = clock.GetUtcNow(), Consent = ConsentLevel.Written,
                GivenOn = contact.ConsentGivenOn, ExpiresOn = contact.ConsentExpiresOn, Scope = contact.ConsentScope,
                ActivityTypes = string.Join(",", contact.AgreedActivities.Select(t => t.Key).Order(StringComparer.Ordinal)),
            });
            db.NpsAnswers.Add(new NpsAnswer { ContactId = contact.Id, AnsweredOn = today.AddDays(-faker.Random.Int(200, 400)), Score = faker.Random.Int(7, 10) });
            db.NpsAnswers.Add(new NpsAnswer { ContactId = contact.Id, AnsweredOn = today.AddDays(-faker.Random.Int(10, 150)), Score = faker.Random.Int(9, 10), Comment = "Would recommend without hesitation." });
        }
        db.ContactBlackouts.Add(new ContactBlackout { ContactId = advocates[0].Id, Starts = today.AddDays(20), Ends = today.AddDays(34), Reason = "Product launch" });
        foreach (var contact in contacts.Except(advocates).Where((_, index) => index % 3 == 0))
        {
            db.NpsAnswers.Add(new NpsAnswer { ContactId = contact.Id, AnsweredOn = today.AddDays(-faker.Random.Int(10, 300)), Score = faker.Random.Int(2, 10) });
        }
        await db.SaveChangesAsync(ct);
    }
}
