using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Vouch.Auth;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using static Microsoft.Playwright.Assertions;

namespace Vouch.BrowserTests;

/// <summary>
/// A review campaign through the real pages: a reference manager creates one with a disclosed incentive, invites an
/// advocate who agreed to reviews, records their review's link (a link that is not one is refused) and verifies it.
/// </summary>
public sealed class ReviewCampaignTests(VouchServer server) : IClassFixture<VouchServer>
{
    [Fact]
    public async Task AManagerCreatesACampaignInvitesAnAdvocateRecordsTheirReviewAndVerifiesIt()
    {
        var manager = await server.AddUserAsync(Roles.ReferenceManager);
        var contactId = await server.QueryAsync(async (db, ct) =>
        {
            var account = new Account { Name = "Tui Logistics" };
            var contact = new Contact
            {
                AccountId = account.Id, FirstName = "Aroha", LastName = "Ngata", Email = "aroha@tui-logistics.test", Consent = ConsentLevel.Written,
                AdvocacyStage = AdvocacyStage.Advocate,
            };
            contact.AgreedActivities.Add(await db.ActivityTypes.SingleAsync(t => t.Key == "review-site-review", ct));
            db.AddRange(account, contact);
            await db.SaveChangesAsync(ct);
            return contact.Id;
        });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var pageErrors = new List<string>();

        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        page.CollectErrors(pageErrors);
        await page.SignInAsync(manager);
        await page.FollowNavigationAsync("Review campaigns");
        await Expect(page.MainHeading()).ToHaveTextAsync("Review campaigns");
        await page.GetByRole(AriaRole.Button, new() { Name = "New campaign" }).ClickAsync();

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("G2 spring reviews");
        await page.GetByLabel("Starts on").FillAsync(today.ToString("yyyy-MM-dd"));
        await page.GetByLabel("Ends on").FillAsync(today.AddDays(30).ToString("yyyy-MM-dd"));
        await page.GetByLabel("Target (reviews)").FillAsync("3");
        await page.GetByLabel("Incentive offered to reviewers (optional)").FillAsync("USD 25 gift card");
        await page.GetByLabel("Disclosure of the incentive (required with one)").FillAsync("Reviewers are offered a USD 25 gift card, whatever they write.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add campaign" }).ClickAsync();

        await Expect(page.MainHeading()).ToHaveTextAsync("G2 spring reviews");
        await Expect(page.GetByTestId("disclosure")).ToContainTextAsync("Reviewers are offered a USD 25 gift card, whatever they write.");
        await page.GetByTestId("eligible").GetByLabel("Aroha Ngata").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Invite", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("notice")).ToHaveTextAsync("Invited: the review is an ask in their ledger.");
        await Expect(page.GetByTestId("invitation-state")).ToHaveTextAsync("Invited");

        var link = page.GetByLabel("Review link for Aroha Ngata");
        await link.FillAsync("my review on g2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record review" }).ClickAsync();
        await Expect(page.GetByTestId("error")).ToContainTextAsync("reviewUrl must be an absolute http or https link");
        await Expect(page.GetByTestId("invitation-state")).ToHaveTextAsync("Invited");

        await page.GetByLabel("Review link for Aroha Ngata").FillAsync("https://www.g2.com/products/vouch/reviews/vouch-review-9001");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record review" }).ClickAsync();
        await Expect(page.GetByTestId("notice")).ToHaveTextAsync("The review is recorded; verify it on the site.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();

        await Expect(page.GetByTestId("invitation-state")).ToHaveTextAsync($"Verified by {manager.Email}");
        await Expect(page.GetByTestId("review-link")).ToHaveAttributeAsync("href", "https://www.g2.com/products/vouch/reviews/vouch-review-9001");
        await Expect(page.GetByTestId("progress")).ToContainTextAsync("1 invited · 1 reviewed · 1 verified of 3");

        await page.GotoAsync($"/contacts/{contactId}");
        await Expect(page.GetByTestId("asks-and-gives")).ToContainTextAsync("Review on G2: G2 spring reviews");
        Assert.Empty(pageErrors);
    }
}
