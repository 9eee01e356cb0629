using Microsoft.Playwright;
using Vouch.Auth;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using static Microsoft.Playwright.Assertions;

namespace Vouch.BrowserTests;

/// <summary>A reference manager edits an advocate's profile; two editing at once are told, not silently overwritten.</summary>
public sealed class ContactEditingTests(VouchServer server) : IClassFixture<VouchServer>
{
    [Fact]
    public async Task AManagerRecordsConsentAndTheSecondOfTwoEditorsIsToldAndKeepsTheirInput()
    {
        var contact = await server.QueryAsync(async (db, ct) =>
        {
            var contact = new Contact
            {
                Account = new Account { Name = $"Harbour Freight {Guid.NewGuid():N}" }, FirstName = "Mere", LastName = "Tane", Title = "CFO",
            };
            db.Contacts.Add(contact);
            await db.SaveChangesAsync(ct);
            return contact;
        });
        var manager = await server.AddUserAsync(Roles.ReferenceManager);
        await using var first = await server.NewContextAsync();
        await using var second = await server.NewContextAsync();
        var mine = await first.NewPageAsync();
        var theirs = await second.NewPageAsync();
        await mine.SignInAsync(manager);
        await theirs.SignInAsync(manager);
        await mine.GotoAsync($"/contacts/{contact.Id}/edit");
        await theirs.GotoAsync($"/contacts/{contact.Id}/edit");

        await mine.Locator("select[name='Form.Consent']").SelectOptionAsync("Written");
        await mine.GetByLabel("Reference call").CheckAsync();
        await mine.GetByLabel("Use case").FillAsync("Closes the books across 14 subsidiaries.");
        await mine.GetByRole(AriaRole.Button, new() { Name = "Save contact" }).ClickAsync();

        // Consent without the day it was given is refused, naming what is missing, and the input stays.
        await Expect(mine.GetByTestId("errors")).ToContainTextAsync("when did they agree?");
        await Expect(mine.GetByLabel("Use case")).ToHaveValueAsync("Closes the books across 14 subsidiaries.");
        await mine.GetByLabel("Given on").FillAsync("2026-10-01");
        await mine.GetByRole(AriaRole.Button, new() { Name = "Save contact" }).ClickAsync();

        await Expect(mine.MainHeading()).ToHaveTextAsync("Mere Tane");
        await Expect(mine.GetByTestId("consent")).ToContainTextAsync("Written");
        await Expect(mine.GetByTestId("agreed-activities")).ToContainTextAsync("Reference call");

        await theirs.GetByLabel("Title").FillAsync("Chief Financial Officer");
        await theirs.GetByRole(AriaRole.Button, new() { Name = "Save contact" }).ClickAsync();

        await Expect(theirs.GetByTestId("conflict")).ToContainTextAsync("Someone else changed this contact");
        await Expect(theirs.GetByLabel("Title")).ToHaveValueAsync("Chief Financial Officer");
        var saved = await server.QueryAsync((db, ct) => Task.FromResult(db.Contacts.Single(c => c.Id == contact.Id)));
        Assert.Equal(("CFO", ConsentLevel.Written), (saved.Title, saved.Consent));
    }
}
