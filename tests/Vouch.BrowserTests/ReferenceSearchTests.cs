using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Vouch.Auth;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using static Microsoft.Playwright.Assertions;

namespace Vouch.BrowserTests;

/// <summary>A seller finds a reference: the count follows the filters as they change, and a result opens.</summary>
public sealed class ReferenceSearchTests(VouchServer server) : IClassFixture<VouchServer>
{
    [Fact]
    public async Task ASellerNarrowsTheSearchAndSeesTheCountFollow()
    {
        var tag = "kiwi" + Guid.NewGuid().ToString("N")[..10];
        var account = await server.QueryAsync(async (db, ct) =>
        {
            var account = new Account { Name = $"Orchard {tag}", Segment = Segment.MidMarket, CountryCode = "NZ" };
            db.Contacts.AddRange(
                new Contact
                {
                    Account = account, FirstName = "Hana", LastName = "Rua", Title = "COO", AdvocacyStage = AdvocacyStage.Advocate,
                    Consent = ConsentLevel.Written, Results = $"Exports tracked end to end ({tag}).", Phone = "+64 9 555 0101",
                },
                new Contact { Account = account, FirstName = "Tama", LastName = "Ngata", AdvocacyStage = AdvocacyStage.Promoter, UseCase = $"Harvest planning {tag}." });
            await db.SaveChangesAsync(ct);
            return account;
        });
        var seller = await server.AddUserAsync(Roles.Seller);
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(seller);

        await page.FollowNavigationAsync("References");
        await Expect(page.MainHeading()).ToHaveTextAsync("References");
        await page.GetByLabel("Search").PressSequentiallyAsync(tag, new() { Delay = 10 });

        var count = page.GetByTestId("reference-count");
        await Expect(count).ToHaveTextAsync("2 references");
        await Expect(page.TableRows()).ToHaveCountAsync(2);

        await page.GetByLabel("Advocacy stage").SelectOptionAsync("Advocate");

        await Expect(count).ToHaveTextAsync("1 reference");
        await Expect(page.TableRows()).ToHaveCountAsync(1);
        await Expect(page.TableRows().First).ToContainTextAsync("Hana Rua");
        await Expect(page.TableRows().First).Not.ToContainTextAsync("+64 9 555 0101");
        // The address follows the filters, so the search can be shared or reloaded.
        Assert.Contains("stage=Advocate", page.Url, StringComparison.Ordinal);

        // The results are swapped in by htmx as filters change; follow the link's address rather than race a late swap.
        var link = page.TableRows().First.GetByRole(AriaRole.Link, new() { Name = account.Name });
        await Expect(link).ToHaveAttributeAsync("href", $"/accounts/{account.Id}");
        await page.GotoAsync((await link.GetAttributeAsync("href"))!);

        await Expect(page.MainHeading()).ToHaveTextAsync(account.Name);
    }

    [Fact]
    public async Task AStoryThatSharesNoWordWithTheSearchIsFoundByItsMeaning()
    {
        const string typed = "cut reporting time";
        var lastName = "Meaning" + Guid.NewGuid().ToString("N")[..8];
        var contactId = await server.QueryAsync(async (db, ct) =>
        {
            var contact = new Contact
            {
                Account = new Account { Name = $"Ledgerline {lastName}" }, FirstName = "Imke", LastName = lastName,
                AdvocacyStage = AdvocacyStage.Advocate, Consent = ConsentLevel.Written, Results = "Analytics for the leadership are ready in minutes, not days",
            };
            db.Contacts.Add(contact);
            await db.SaveChangesAsync(ct);
            return contact.Id;
        });
        var seller = await server.AddUserAsync(Roles.Seller);
        // The story is embedded in the background after it is saved; wait until the search finds it.
        using (var api = server.CreateApiClient(await server.CreateTokenAsync(seller)))
        {
            for (var tries = 0; tries < 120; tries++)
            {
                var found = await api.GetFromJsonAsync<JsonElement>($"/api/v1/references?pageSize=200&q={Uri.EscapeDataString(typed)}", TestContext.Current.CancellationToken);
                if (found.GetProperty("items").EnumerateArray().Any(r => r.GetProperty("id").GetGuid() == contactId))
                {
                    break;
                }
                await Task.Delay(500, TestContext.Current.CancellationToken);
            }
        }
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(seller);
        await page.FollowNavigationAsync("References");

        await page.GetByLabel("Search").PressSequentiallyAsync(typed, new() { Delay = 10 });

        var row = page.TableRows().Filter(new() { HasText = lastName });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByTestId("found-by-meaning")).ToHaveTextAsync("Similar in meaning");
    }
}
