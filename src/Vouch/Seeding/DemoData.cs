using Bogus;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Catalog;
using Vouch.Features.Contacts;
using Vouch.Features.Opportunities;
using Vouch.Features.Users;

namespace Vouch.Seeding;

/// <summary>
/// A small, believable reference program to click through: one user per role, products, accounts,
/// contacts and deals. The same every time (a fixed random seed), and only into an empty database.
/// </summary>
public sealed class DemoData(VouchDbContext db, UserAdministration users, TimeProvider clock)
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
            var (_, errors) = await users.AddAsync(email, name, role, Password);
            if (!errors.IsEmpty)
            {
                throw new InvalidOperationException($"Could not add demo user {email}: {string.Join("; ", errors.ToDictionary().SelectMany(e => e.Value))}");
            }
        }
        var sellerIds = await db.Users.Where(u => u.Email == "seller@vouch.demo" || u.Email == "manager@vouch.demo").Select(u => u.Id).ToListAsync(ct);

        var products = s_products.Select(name => new Product { Key = Keys.FromName(name), Name = name }).ToList();
        db.Products.AddRange(products);
        var industries = await db.Industries.ToListAsync(ct);

        var faker = new Faker("en") { Random = new Randomizer(2026) };
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
                db.Opportunities.Add(new Opportunity
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
                });
            }
        }
        await db.SaveChangesAsync(ct);
        return true;
    }

    internal static readonly IReadOnlyList<(string Code, Region Region)> DemoCountries =
    [
        ("US", Region.NorthAmerica), ("CA", Region.NorthAmerica), ("BR", Region.LatinAmerica), ("MX", Region.LatinAmerica),
        ("DE", Region.Emea), ("GB", Region.Emea), ("FR", Region.Emea), ("NL", Region.Emea),
        ("JP", Region.Apac), ("AU", Region.Apac), ("SG", Region.Apac), ("IN", Region.Apac),
    ];
}
