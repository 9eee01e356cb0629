using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Vouch.Auth;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;
using static Microsoft.Playwright.Assertions;

namespace Vouch.BrowserTests;

/// <summary>
/// The exchange through the real pages: a reference manager sees an advocate owed a give on their page, records a gift
/// within the policy and is refused one over the limit per occasion, naming it; the advocate sees both sides in their
/// history.
/// </summary>
public sealed class GiftTests(VouchServer server) : IClassFixture<VouchServer>
{
    [Fact]
    public async Task AManagerRecordsAGiftIsRefusedOneOverTheLimitAndTheAdvocateSeesTheirHistory()
    {
        var manager = await server.AddUserAsync(Roles.ReferenceManager);
        var advocateUser = await server.AddUserAsync(Roles.Advocate);
        var contactId = await server.QueryAsync(async (db, ct) =>
        {
            var caseStudy = await db.ActivityTypes.SingleAsync(t => t.Key == "case-study", ct);
            var account = new Account { Name = "Kowhai Health" };
            var contact = new Contact { AccountId = account.Id, FirstName = "Mere", LastName = "Tane", Title = "CIO" };
            db.AddRange(account, contact);
            foreach (var daysAgo in new[] { 20, 80 })
            {
                db.Engagements.Add(new Engagement
                {
                    ContactId = contact.Id, AccountId = account.Id, Kind = EngagementKind.Ask, ActivityTypeId = caseStudy.Id,
                    Status = EngagementStatus.Completed, At = DateTimeOffset.UtcNow.AddDays(-daysAgo), Notes = "Private: prefers mornings.",
                });
            }
            await db.SaveChangesAsync(ct);
            var login = await db.Users.SingleAsync(u => u.Id == advocateUser.Id, ct);
            login.ContactId = contact.Id;
            await db.SaveChangesAsync(ct);
            return contact.Id;
        });
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        var pageErrors = new List<string>();

        await using var managerContext = await server.NewContextAsync();
        var page = await managerContext.NewPageAsync();
        page.CollectErrors(pageErrors);
        await page.SignInAsync(manager);
        await page.GotoAsync($"/contacts/{contactId}");
        var section = page.GetByTestId("asks-and-gives");
        await Expect(section.GetByTestId("owed")).ToHaveTextAsync("Owed a give");
        await Expect(section.GetByTestId("balance")).ToContainTextAsync("asked 2 times (12 h), given nothing in the last year");

        await section.GetByRole(AriaRole.Link, new() { Name = "Record a gift" }).ClickAsync();
        await Expect(page.MainHeading()).ToHaveTextAsync("Gifts to Mere Tane");
        await page.GetByLabel("What").FillAsync("Signed book on advocacy");
        await page.GetByLabel("Value").FillAsync("40");
        await page.GetByLabel("Given on").FillAsync(today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the gift" }).ClickAsync();
        await Expect(page.GetByTestId("notice")).ToHaveTextAsync("The gift \"Signed book on advocacy\" to Mere Tane was recorded and counts as a give.");

        await page.GetByLabel("What").FillAsync("Smart watch");
        await page.GetByLabel("Value").FillAsync("80");
        await page.GetByLabel("Given on").FillAsync(today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the gift" }).ClickAsync();
        await Expect(page.GetByTestId("error")).ToContainTextAsync(
            $"Over the limit per occasion. The limit per occasion is 75 USD; Mere Tane has had 40 USD on {today}, so 80 USD would make 120 USD.");
        await Expect(page.GetByTestId("gift")).ToHaveCountAsync(1);

        await using var advocateContext = await server.NewContextAsync();
        var portal = await advocateContext.NewPageAsync();
        portal.CollectErrors(pageErrors);
        await portal.SignInAsync(advocateUser);
        await portal.GotoAsync("/portal/history");
        await Expect(portal.MainHeading()).ToHaveTextAsync("My history");
        await Expect(portal.GetByTestId("history-item")).ToHaveCountAsync(3);
        await Expect(portal.GetByTestId("history-item").First).ToContainTextAsync("You received: Gift: Signed book on advocacy");
        await Expect(portal.GetByTestId("my-balance")).ToContainTextAsync("asked 2 times (12 h), given 1 (1 h) in the last year");
        await Expect(portal.GetByTestId("history")).Not.ToContainTextAsync("mornings");
        Assert.Empty(pageErrors);
    }
}
