using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Vouch.Auth;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using static Microsoft.Playwright.Assertions;

namespace Vouch.BrowserTests;

/// <summary>
/// An event from creation to check-in: a reference manager adds a prospect mixer, puts an advocate on the stage (the ask
/// and the give land in their ledger), registers a prospect and checks them in.
/// </summary>
public sealed class EventTests(VouchServer server) : IClassFixture<VouchServer>
{
    [Fact]
    public async Task AReferenceManagerCreatesAnEventAddsASpeakerRegistersAnAttendeeAndChecksThemIn()
    {
        var manager = await server.AddUserAsync(Roles.ReferenceManager);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var email = $"aroha-{suffix}@kowhai.example";
        await server.QueryAsync(async (db, ct) =>
        {
            var speaking = await db.ActivityTypes.SingleAsync(t => t.Key == "speaking", ct);
            var account = new Account { Name = $"Kowhai Health {suffix}", CustomerSince = new DateOnly(2022, 3, 1), ContractDate = new DateOnly(2022, 3, 1) };
            var contact = new Contact
            {
                AccountId = account.Id, FirstName = "Aroha", LastName = $"Ngata {suffix}", Email = email, Consent = ConsentLevel.Written,
                ConsentGivenOn = new DateOnly(2025, 1, 1), AgreedActivities = [speaking], MaxAsksPerQuarter = 3,
            };
            db.AddRange(account, contact);
            await db.SaveChangesAsync(ct);
            return contact.Id;
        });
        var errors = new List<string>();
        var title = $"Prospect mixer {suffix}";

        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        page.CollectErrors(errors);
        await page.SignInAsync(manager);
        await page.FollowNavigationAsync("Events");
        await Expect(page.MainHeading()).ToHaveTextAsync("Events");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add an event" }).ClickAsync();
        await page.GetByLabel("Kind").SelectOptionAsync("ProspectMixer");
        await page.GetByLabel("Capacity").FillAsync("20");
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Topic").FillAsync("Customers on closing the books in four days.");
        await page.GetByLabel("Starts (UTC)").FillAsync(DateTime.UtcNow.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm"));
        await page.GetByLabel("Place or link").FillAsync("Auckland");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add event" }).ClickAsync();
        await Expect(page.GetByTestId("notice")).ToHaveTextAsync("The event was added.");
        await Expect(page.MainHeading()).ToHaveTextAsync(title);

        await page.GetByLabel("Speaker's email").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add speaker" }).ClickAsync();
        await Expect(page.GetByTestId("notice")).ToHaveTextAsync("The speaker was added: the ask of their time and the give of the stage are in their ledger.");
        await Expect(page.GetByTestId("speaker")).ToContainTextAsync($"Aroha Ngata {suffix}");
        await Expect(page.GetByTestId("speaker")).ToContainTextAsync("8 h");

        var register = page.GetByTestId("register");
        await register.GetByLabel("Email").FillAsync($"sam-{suffix}@prospect.example");
        await register.GetByLabel("Name").FillAsync("Sam Prospect");
        await register.GetByLabel("Company").FillAsync("Prospect Ltd");
        await register.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(page.GetByTestId("notice")).ToHaveTextAsync("Registered.");
        var attendee = page.GetByTestId("attendee").Filter(new() { HasText = "Sam Prospect" });
        await Expect(attendee).ToContainTextAsync("Prospect");

        await attendee.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await Expect(page.GetByTestId("notice")).ToHaveTextAsync("Checked in.");
        await Expect(page.GetByTestId("seats")).ToHaveTextAsync("1 of 20 registered, 1 checked in");
        await Expect(page.GetByTestId("attendee").Filter(new() { HasText = "Sam Prospect" }).GetByRole(AriaRole.Button, new() { Name = "Check in" })).ToHaveCountAsync(0);

        await page.GotoAsync("/reports/events");
        await Expect(page.MainHeading()).ToHaveTextAsync("Event conversion");
        await Expect(page.GetByTestId("event-row").Filter(new() { HasText = title })).ToHaveCountAsync(1);
        Assert.Empty(errors);
    }
}
