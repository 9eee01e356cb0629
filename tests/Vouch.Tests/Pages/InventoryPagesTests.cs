using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Pages;

/// <summary>The account and contact pages: who sees what, and what a form post does.</summary>
public sealed partial class InventoryPagesTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string postUrl, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(pageUrl, Ct);
        fields["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value;
        return await client.PostAsync(postUrl, new FormUrlEncodedContent(fields), Ct);
    }

    private static async Task<ContactResponse> AddContactAsync(HttpClient manager, object extra)
    {
        using var account = await manager.PostAsJsonAsync("/api/v1/accounts", new { name = $"Pages {Guid.NewGuid():N}" }, Ct);
        var accountId = (await account.Content.ReadFromJsonAsync<AccountResponse>(Ct))!.Id;
        var body = System.Text.Json.JsonSerializer.SerializeToNode(extra, System.Text.Json.JsonSerializerOptions.Web)!.AsObject();
        body["accountId"] = accountId;
        using var created = await manager.PostAsJsonAsync("/api/v1/contacts", body, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<ContactResponse>(Ct))!;
    }

    [Fact]
    public async Task A_seller_sees_the_story_but_not_the_notes_nor_the_edit_button()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var seller = await app.ClientForAsync(Roles.Seller);
        var contact = await AddContactAsync(manager, new { firstName = "Ines", lastName = "Moro", useCase = "Claims automation", notes = "Keep away from legal" });

        var asSeller = await seller.GetStringAsync($"/contacts/{contact.Id}", Ct);
        var asManager = await manager.GetStringAsync($"/contacts/{contact.Id}", Ct);

        Assert.Contains("Claims automation", asSeller, StringComparison.Ordinal);
        Assert.DoesNotContain("Keep away from legal", asSeller, StringComparison.Ordinal);
        Assert.DoesNotContain("Edit profile", asSeller, StringComparison.Ordinal);
        Assert.Contains("Keep away from legal", asManager, StringComparison.Ordinal);
        Assert.Contains("Edit profile", asManager, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_the_edit_form_over_a_newer_save_says_so_and_keeps_what_was_typed()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var contact = await AddContactAsync(manager, new { firstName = "Ines", lastName = "Moro" });
        var stale = contact.Version;
        using var newer = await manager.PutAsJsonAsync($"/api/v1/contacts/{contact.Id}", new { accountId = contact.AccountId, firstName = "Ines", lastName = "Moro", title = "Theirs", version = stale }, Ct);
        newer.EnsureSuccessStatusCode();

        using var response = await PostFormAsync(manager, $"/contacts/{contact.Id}/edit", $"/contacts/{contact.Id}/edit", new()
        {
            ["Form.AccountId"] = contact.AccountId.ToString(),
            ["Form.FirstName"] = "Ines",
            ["Form.LastName"] = "Moro",
            ["Form.Title"] = "Mine, typed with care",
            ["Form.Version"] = stale.ToString(),
        });

        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else changed this contact while you were editing it.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Mine, typed with care\"", html, StringComparison.Ordinal);
        Assert.Equal("Theirs", (await manager.GetFromJsonAsync<ContactResponse>($"/api/v1/contacts/{contact.Id}", Ct))!.Title);
    }

    [Fact]
    public async Task The_edit_form_saves_consent_and_activities_and_records_the_consent()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var contact = await AddContactAsync(manager, new { firstName = "Ines", lastName = "Moro" });

        using var response = await PostFormAsync(manager, $"/contacts/{contact.Id}/edit", $"/contacts/{contact.Id}/edit", new()
        {
            ["Form.AccountId"] = contact.AccountId.ToString(),
            ["Form.FirstName"] = "Ines",
            ["Form.LastName"] = "Moro",
            ["Form.Consent"] = "Written",
            ["Form.ConsentGivenOn"] = "2026-06-01",
            ["Form.AgreedActivities"] = "site-visit",
            ["Form.Blackouts[0].Starts"] = "2026-07-01",
            ["Form.Blackouts[0].Ends"] = "2026-07-14",
            ["Form.Blackouts[0].Reason"] = "Holiday",
            ["Form.Version"] = contact.Version.ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/contacts/{contact.Id}", response.Headers.Location!.OriginalString);
        var read = (await manager.GetFromJsonAsync<ContactResponse>($"/api/v1/contacts/{contact.Id}", Ct))!;
        Assert.Equal(("Written", new DateOnly(2026, 6, 1)), (read.Consent, read.ConsentGivenOn));
        Assert.Equal(["site-visit"], read.AgreedActivities);
        Assert.Equal([new BlackoutResponse(new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 14), "Holiday")], read.Blackouts);
        var records = await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().ConsentRecords.CountAsync(r => r.ContactId == contact.Id, Ct));
        Assert.Equal(1, records);
    }

    [Fact]
    public async Task The_account_page_shows_its_nps_and_a_deleted_account_comes_back_with_undo()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var contact = await AddContactAsync(manager, new { firstName = "Ines", lastName = "Moro" });
        (await manager.PostAsJsonAsync($"/api/v1/contacts/{contact.Id}/nps-answers", new { score = 10 }, Ct)).EnsureSuccessStatusCode();

        var page = await manager.GetStringAsync($"/accounts/{contact.AccountId}", Ct);
        using var deleted = await PostFormAsync(manager, $"/accounts/{contact.AccountId}", $"/accounts/{contact.AccountId}?handler=Delete", []);
        var list = await manager.GetStringAsync("/accounts/deleted", Ct);
        using var undone = await PostFormAsync(manager, "/accounts/deleted", "/accounts/deleted?handler=Undo",
            new() { ["kind"] = "Account", ["id"] = contact.AccountId.ToString() });

        Assert.Contains("+100 from 1 contact (1 promoters, 0 passives, 0 detractors)", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Equal("/accounts/deleted", deleted.Headers.Location!.OriginalString);
        Assert.Contains($"Undo deleting {contact.Account}", list, StringComparison.Ordinal);
        Assert.Contains("with 1 contacts", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/contacts/{contact.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_seller_cannot_post_the_delete_handler()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var seller = await app.ClientForAsync(Roles.Seller);
        var contact = await AddContactAsync(manager, new { firstName = "Ines", lastName = "Moro" });

        using var response = await PostFormAsync(seller, $"/contacts/{contact.Id}", $"/contacts/{contact.Id}?handler=Delete", []);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/v1/contacts/{contact.Id}", Ct)).StatusCode);
    }
}
