using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Vouch.Auth;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Offers;
using static Microsoft.Playwright.Assertions;

namespace Vouch.BrowserTests;

/// <summary>
/// The exchange's give: an advocate finds an offer that fits them in the portal, with why, and applies; the reference
/// manager accepts and delivers it, and the give shows in the advocate's portal and on their contact page.
/// </summary>
public sealed class OfferTests(VouchServer server) : IClassFixture<VouchServer>
{
    [Fact]
    public async Task AnAdvocateAppliesToAnOfferThatFitsThemAndTheReferenceManagerDeliversIt()
    {
        var advocateUser = await server.AddUserAsync(Roles.Advocate);
        var manager = await server.AddUserAsync(Roles.ReferenceManager);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var title = $"Keynote at the Summit {suffix}";
        var (contactId, offerId) = await server.QueryAsync(async (db, ct) =>
        {
            var account = new Account { Name = $"Kea Freight {suffix}", Segment = Segment.Enterprise };
            var contact = new Contact
            {
                AccountId = account.Id, FirstName = "Wiremu", LastName = $"Rangi {suffix}", Consent = ConsentLevel.Written,
                PersonalityStyle = PersonalityStyle.Expressive, SocialCapitalWanted = SocialCapital.Reputation, AdvocacyStage = AdvocacyStage.Advocate,
            };
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var offer = new Offer
            {
                Title = title, Kind = OfferKind.SpeakingSlot, Gives = SocialCapital.Reputation | SocialCapital.Status, Capacity = 2,
                OpensOn = today.AddDays(-1), ClosesOn = today.AddDays(20), CreditHours = 8, State = OfferState.Open, Description = "Thirty minutes on the main stage.",
            };
            db.AddRange(account, contact, offer);
            await db.SaveChangesAsync(ct);
            var login = await db.Users.SingleAsync(u => u.Id == advocateUser.Id, ct);
            login.ContactId = contact.Id;
            await db.SaveChangesAsync(ct);
            return (contact.Id, offer.Id);
        });
        var errors = new List<string>();

        // The advocate finds the offer with why it fits them, and applies.
        await using var advocateContext = await server.NewContextAsync();
        var advocatePage = await advocateContext.NewPageAsync();
        advocatePage.CollectErrors(errors);
        await advocatePage.SignInAsync(advocateUser);
        await advocatePage.GetByTestId("portal-sections").GetByRole(AriaRole.Link, new() { Name = "Offers for me" }).ClickAsync();
        await Expect(advocatePage.MainHeading()).ToHaveTextAsync("Offers for me");
        var offer = advocatePage.GetByTestId("offer").Filter(new() { HasText = title });
        await Expect(offer.GetByTestId("reasons")).ToHaveTextAsync("Why you: wants reputation — a speaking slot gives it; Expressive: loves the stage; an active advocate");
        await offer.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(advocatePage.GetByTestId("notice")).ToHaveTextAsync("Thank you for applying! We will let you know when your seat is confirmed.");
        var application = advocatePage.GetByTestId("application").Filter(new() { HasText = title });
        await Expect(application.GetByTestId("application-state")).ToHaveTextAsync("applied");
        await Expect(advocatePage.GetByTestId("offer").Filter(new() { HasText = title })).ToHaveCountAsync(0);

        // The reference manager accepts it and marks it delivered.
        await using var managerContext = await server.NewContextAsync();
        var managerPage = await managerContext.NewPageAsync();
        managerPage.CollectErrors(errors);
        await managerPage.SignInAsync(manager);
        await managerPage.FollowNavigationAsync("Offers");
        await Expect(managerPage.MainHeading()).ToHaveTextAsync("Offers");
        await managerPage.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        var row = managerPage.GetByTestId("application").Filter(new() { HasText = $"Wiremu Rangi {suffix}" });
        await Expect(row.GetByTestId("application-state")).ToHaveTextAsync("Applied");
        await row.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Expect(managerPage.GetByTestId("notice")).ToHaveTextAsync("The application is accepted: it takes a seat.");
        await Expect(managerPage.GetByTestId("seats")).ToHaveTextAsync("1 of 2 seats taken");
        await row.GetByRole(AriaRole.Button, new() { Name = "Delivered" }).ClickAsync();
        await Expect(managerPage.GetByTestId("notice")).ToHaveTextAsync("Delivered: the give is in the advocate's ledger.");
        await Expect(row.GetByTestId("application-state")).ToHaveTextAsync("Delivered");

        // The give is in the ledger: the advocate sees it in the portal, and their contact page shows their needs section.
        await advocatePage.ReloadAsync();
        await Expect(advocatePage.GetByTestId("given")).ToContainTextAsync(title);
        await Expect(application.GetByTestId("application-state")).ToHaveTextAsync("delivered");
        await managerPage.GotoAsync($"/contacts/{contactId}");
        await Expect(managerPage.GetByTestId("needs-and-offers")).ToContainTextAsync("reputation");
        await Expect(managerPage.GetByTestId("guide")).ToContainTextAsync("Expressive: what excites them");
        var given = await server.QueryAsync((db, ct) => db.Engagements.Where(e => e.ContactId == contactId && e.OfferId == offerId).Select(e => e.CreditHours).SingleAsync(ct));
        Assert.Equal(8m, given);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
