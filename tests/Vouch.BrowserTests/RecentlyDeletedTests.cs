using Microsoft.Playwright;
using Vouch.Auth;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using static Microsoft.Playwright.Assertions;

namespace Vouch.BrowserTests;

/// <summary>A deletion in the inventory is undone from "Recently deleted", and the record is back in the lists.</summary>
public sealed class RecentlyDeletedTests(VouchServer server) : IClassFixture<VouchServer>
{
    [Fact]
    public async Task AReferenceManagerDeletesAContactAndAnAccountAndRestoresBoth()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (contact, account) = await server.QueryAsync(async (db, ct) =>
        {
            var kept = new Contact { Account = new Account { Name = $"Keel Marine {tag}" }, FirstName = "Aroha", LastName = $"Ngata{tag}" };
            var other = new Account { Name = $"Lantern Foods {tag}" };
            var colleague = new Contact { Account = other, FirstName = "Piet", LastName = $"Visser{tag}" };
            db.Contacts.AddRange(kept, colleague);
            await db.SaveChangesAsync(ct);
            return (kept, other);
        });
        var manager = await server.AddUserAsync(Roles.ReferenceManager);
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(manager);

        await page.GotoAsync($"/contacts/{contact.Id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete contact" }).ClickAsync();

        await Expect(page.MainHeading()).ToHaveTextAsync("Recently deleted");
        await Expect(page.GetByTestId("notice")).ToHaveTextAsync("The contact was deleted. Undo it from Recently deleted.");
        await ExpectFoundAsync(page, "/contacts", tag, [$"Piet Visser{tag}"]);

        await page.GotoAsync($"/accounts/{account.Id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete account" }).ClickAsync();

        await Expect(page.GetByTestId("notice")).ToHaveTextAsync("The account and its contacts were deleted.");
        await Expect(page.TableRows().Filter(new() { HasText = tag }).Locator("td:nth-child(2)"))
            .ToHaveTextAsync([$"Lantern Foods {tag}, with 1 contacts", $"Aroha Ngata{tag} (Keel Marine {tag})"]);
        await ExpectFoundAsync(page, "/accounts", tag, [$"Keel Marine {tag}"]);
        await ExpectFoundAsync(page, "/contacts", tag, []);

        // Found under "Recently deleted" from the accounts list, as a manager would.
        await page.GotoAsync("/accounts");
        // The link is styled as a button, and is one to assistive technology.
        await page.GetByRole(AriaRole.Button, new() { Name = "Recently deleted" }).ClickAsync();
        await Expect(page.MainHeading()).ToHaveTextAsync("Recently deleted");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Undo deleting Aroha Ngata{tag}" }).ClickAsync();

        await Expect(page.MainHeading()).ToHaveTextAsync($"Aroha Ngata{tag}");
        await Expect(page.GetByTestId("notice")).ToHaveTextAsync("The contact is back.");

        await page.GotoAsync("/accounts/deleted");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Undo deleting Lantern Foods {tag}" }).ClickAsync();

        await Expect(page.MainHeading()).ToHaveTextAsync($"Lantern Foods {tag}");
        await Expect(page.GetByTestId("notice")).ToHaveTextAsync("The account and the contacts deleted with it are back.");
        await ExpectFoundAsync(page, "/accounts", tag, [$"Keel Marine {tag}", $"Lantern Foods {tag}"]);
        await ExpectFoundAsync(page, "/contacts", tag, [$"Aroha Ngata{tag}", $"Piet Visser{tag}"]);
        await page.GotoAsync("/accounts/deleted");
        await Expect(page.TableRows().Filter(new() { HasText = tag })).ToHaveCountAsync(0);
    }

    /// <summary>Searches a list page for <paramref name="text"/> and expects exactly these names in its first column.</summary>
    private static async Task ExpectFoundAsync(IPage page, string list, string text, string[] names)
    {
        await page.GotoAsync(list);
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.GetByTestId("result-count")).ToHaveTextAsync($"{names.Length} found · page 1 of 1");
        if (names.Length > 0)
        {
            await Expect(page.TableRows().Locator("td:nth-child(1)")).ToHaveTextAsync(names);
        }
    }
}
