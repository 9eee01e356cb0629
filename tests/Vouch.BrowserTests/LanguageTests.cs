using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Vouch.Auth;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Notifications;
using static Microsoft.Playwright.Assertions;

namespace Vouch.BrowserTests;

/// <summary>
/// A user whose browser asks for English picks another language in their own settings, and Vouch speaks it from then
/// on: the navigation, the dashboard and its dates; an advocate does the same in the portal's preferences.
/// </summary>
public sealed class LanguageTests(VouchServer server) : IClassFixture<VouchServer>
{
    [Fact]
    public async Task ASellerPicksGermanAndTheNavigationDashboardAndDatesAreGerman()
    {
        var seller = await server.AddUserAsync(Roles.Seller);
        var at = new DateTimeOffset(2026, 3, 9, 14, 5, 0, TimeSpan.Zero);
        await server.QueryAsync(async (db, ct) =>
        {
            db.Add(new Notification { UserId = seller.Id, At = at, Text = "A note from the reference team" });
            return await db.SaveChangesAsync(ct);
        });
        var errors = new List<string>();
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        page.CollectErrors(errors);
        await page.SignInAsync(seller);
        await Expect(page.MainHeading()).ToHaveTextAsync("Reference program");
        await Expect(page.GetByTestId("notifications")).ToContainTextAsync("2026-03-09 14:05");

        await page.GotoAsync("/settings");
        await page.GetByLabel("Language").SelectOptionAsync("Deutsch");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("saved")).ToHaveTextAsync("Gespeichert.");
        await Expect(page.MainHeading()).ToHaveTextAsync("Meine Einstellungen");
        await Expect(page.GetByLabel("Sprache")).ToHaveValueAsync("de");

        await page.FollowNavigationAsync("Übersicht");
        await Expect(page.MainHeading()).ToHaveTextAsync("Referenzprogramm");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await Expect(page.MainNavigation().GetByTestId("nav-customers").Locator("summary")).ToHaveTextAsync("Kunden");
        await Expect(page.GetByTestId("notifications-link")).ToContainTextAsync("Benachrichtigungen");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Wartet auf Sie" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("notifications")).ToContainTextAsync("09.03.2026 14:05");
        await Expect(page.GetByTestId("sign-out")).ToHaveTextAsync($"{seller.Name} abmelden");

        // Back to the browser's language: English again.
        await page.GotoAsync("/settings");
        await page.GetByLabel("Sprache").SelectOptionAsync(new SelectOptionValue { Value = "" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern", Exact = true }).ClickAsync();
        await page.GotoAsync("/");
        await Expect(page.MainHeading()).ToHaveTextAsync("Reference program");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task AnAdvocatePicksSpanishInThePortal()
    {
        var advocate = await server.AddUserAsync(Roles.Advocate);
        await server.QueryAsync(async (db, ct) =>
        {
            var suffix = Guid.NewGuid().ToString("N")[..6];
            var account = new Account { Name = $"Olivar Foods {suffix}", Segment = Segment.MidMarket };
            var contact = new Contact { AccountId = account.Id, FirstName = "Lucía", LastName = $"Ortega {suffix}", Consent = ConsentLevel.Written };
            db.AddRange(account, contact);
            await db.SaveChangesAsync(ct);
            (await db.Users.SingleAsync(u => u.Id == advocate.Id, ct)).ContactId = contact.Id;
            return await db.SaveChangesAsync(ct);
        });
        var errors = new List<string>();
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        page.CollectErrors(errors);
        await page.SignInAsync(advocate);

        await page.GetByTestId("portal-sections").GetByRole(AriaRole.Link, new() { Name = "My preferences" }).ClickAsync();
        await page.GetByLabel("Language").SelectOptionAsync("Español");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my language" }).ClickAsync();

        await Expect(page.GetByTestId("notice")).ToHaveTextAsync("Guardado. A partir de ahora, el portal le habla en su idioma.");
        await Expect(page.MainHeading()).ToHaveTextAsync("Mis preferencias");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Guardar mis preferencias" })).ToBeVisibleAsync();
        await page.GetByTestId("portal-sections").GetByRole(AriaRole.Link, new() { Name = "Mis peticiones" }).ClickAsync();
        await Expect(page.MainHeading()).ToHaveTextAsync($"Bienvenido/a, {advocate.Name}");
        await Expect(page.Locator("article").First).ToContainTextAsync("No hay nada pendiente");
        Assert.Empty(errors);
    }
}
