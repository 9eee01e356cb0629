using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Catalog;
using Vouch.Features.Contacts;
using Vouch.Features.Opportunities;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Api;

/// <summary>The records a reference request needs, written straight to a test app's database; each call makes its own.</summary>
public static class RequestScenario
{
    public sealed record People(Guid SellerId, HttpClient Seller, Guid OwnerId, HttpClient Owner, Guid AdvocateUserId, HttpClient Advocate);

    public sealed record Advocate(Guid AccountId, Guid ContactId, Guid IndustryId, Guid ProductId);

    /// <summary>A customer account owned by <paramref name="ownerId"/> with one contact who agreed to reference calls.</summary>
    public static Task<Advocate> AddAdvocateAsync(
        this VouchApp app, Guid? ownerId, Action<Contact>? shape = null, Action<Account>? shapeAccount = null) => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<VouchDbContext>();
        var call = await db.ActivityTypes.SingleAsync(t => t.Key == "reference-call");
        var industry = await db.Industries.OrderBy(i => i.Key).FirstAsync();
        var product = new Product { Key = $"p-{Guid.NewGuid():N}", Name = $"Product {Guid.NewGuid():N}" };
        var account = new Account
        {
            Name = $"Customer {Guid.NewGuid():N}"[..20], IndustryId = industry.Id, Region = Region.Emea, CountryCode = "DE", Employees = 800,
            OwnerId = ownerId, Products = [product], CompetitorsReplaced = ["Legacy Corp"], ContractDate = new DateOnly(2024, 1, 15),
        };
        shapeAccount?.Invoke(account);
        var contact = new Contact
        {
            AccountId = account.Id, FirstName = "Ada", LastName = $"Advocate{Guid.NewGuid():N}"[..16], Consent = ConsentLevel.Written,
            ConsentGivenOn = new DateOnly(2025, 1, 1), AgreedActivities = [call], MaxAsksPerQuarter = 3,
            SocialCapitalWanted = SocialCapital.Reputation, UseCase = "Automated invoicing across subsidiaries",
        };
        shape?.Invoke(contact);
        db.AddRange(product, account, contact);
        await db.SaveChangesAsync();
        return new Advocate(account.Id, contact.Id, industry.Id, product.Id);
    });

    /// <summary>A seller, the owner of the advocate's account (another seller) and the advocate's portal login.</summary>
    public static async Task<(People People, Advocate Advocate)> AddPeopleAsync(this VouchApp app, Action<Contact>? shape = null)
    {
        var seller = await app.AddUserAsync(Roles.Seller);
        var owner = await app.AddUserAsync(Roles.Seller);
        var advocateUser = await app.AddUserAsync(Roles.Advocate);
        var advocate = await app.AddAdvocateAsync(owner.Id, shape);
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var user = await db.Users.SingleAsync(u => u.Id == advocateUser.Id);
            user.ContactId = advocate.ContactId;
            await db.SaveChangesAsync();
        });
        return (new People(
            seller.Id, app.ClientWithToken(await app.CreateTokenAsync(seller.Id)),
            owner.Id, app.ClientWithToken(await app.CreateTokenAsync(owner.Id)),
            advocateUser.Id, app.ClientWithToken(await app.CreateTokenAsync(advocateUser.Id))), advocate);
    }

    /// <summary>An open opportunity of <paramref name="ownerId"/> at a prospect like the advocate's account.</summary>
    public static Task<Guid> AddOpportunityAsync(this VouchApp app, Guid ownerId, Advocate like, decimal amount = 50_000m) => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<VouchDbContext>();
        var prospect = new Account { Name = $"Prospect {Guid.NewGuid():N}"[..20], IndustryId = like.IndustryId, Region = Region.Emea, CountryCode = "DE", Employees = 500 };
        var opportunity = new Opportunity
        {
            AccountId = prospect.Id, Name = "Prospect expansion", Amount = amount, Stage = "Proposal", CloseDate = new DateOnly(2027, 2, 1),
            Competitor = "Legacy Corp", OwnerId = ownerId, Products = [await db.Products.SingleAsync(p => p.Id == like.ProductId)],
        };
        db.AddRange(prospect, opportunity);
        await db.SaveChangesAsync();
        return opportunity.Id;
    });
}
