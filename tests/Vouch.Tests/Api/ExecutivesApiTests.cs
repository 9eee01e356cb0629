using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;
using Vouch.Features.Executives;
using Vouch.Tests.Infrastructure;
using Vouch.Web;

namespace Vouch.Tests.Api;

/// <summary>Executive conversations, targets, progress, themes and sponsors through the API.</summary>
public sealed class ExecutivesApiTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task<(Guid Id, HttpClient Client)> ExecutiveAsync(string role = Roles.Executive)
    {
        var user = await app.AddUserAsync(role);
        return (user.Id, app.ClientWithToken(await app.CreateTokenAsync(user.Id)));
    }

    private Task<(Guid AccountId, Guid ContactId)> AddContactAsync() => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<VouchDbContext>();
        var account = new Account { Name = $"Talked {Guid.NewGuid():N}"[..20] };
        var contact = new Contact { AccountId = account.Id, FirstName = "Kiri", LastName = "Moana" };
        db.AddRange(account, contact);
        await db.SaveChangesAsync(Ct);
        return (account.Id, contact.Id);
    });

    private Task<(int Conversations, int Gives)> CountAsync(Guid contactId) => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<VouchDbContext>();
        return (await db.Set<ExecutiveConversation>().CountAsync(c => c.ContactId == contactId, Ct),
            await db.Engagements.CountAsync(e => e.ContactId == contactId && e.Kind == EngagementKind.Give, Ct));
    });

    private static async Task<ConversationResponse> LogAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/executive-conversations", body, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<ConversationResponse>(Ct))!;
    }

    [Fact]
    public async Task An_executive_logs_a_conversation_it_is_a_give_in_the_ledger_and_counts_toward_their_target()
    {
        var (executiveId, executive) = await ExecutiveAsync();
        var (accountId, contactId) = await AddContactAsync();
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);

        var logged = await LogAsync(executive, new
        {
            contactId, heldOn = Today, channel = "faceToFace", minutes = 30, productUse = "Month-end close", value = "Close in four days",
            sentiment = "positive", feeling = "Delighted", learned = "They want single sign-on", followUps = "Send the roadmap",
        });

        Assert.Equal((executiveId, contactId, accountId, "FaceToFace", "Positive", "Kiri Moana", false), (
            logged.ExecutiveId, logged.ContactId, logged.AccountId, logged.Channel, logged.Sentiment, logged.Contact, logged.FollowUpsDone));
        Assert.Equal(logged, await manager.GetFromJsonAsync<ConversationResponse>($"/api/v1/executive-conversations/{logged.Id}", Ct));
        var listed = (await manager.GetFromJsonAsync<Paged<ConversationResponse>>($"/api/v1/executive-conversations?accountId={accountId}", Ct))!;
        Assert.Equal([logged.Id], listed.Items.Select(c => c.Id));
        Assert.Equal([logged.Id], (await manager.GetFromJsonAsync<Paged<ConversationResponse>>($"/api/v1/executive-conversations?executiveId={executiveId}", Ct))!.Items.Select(c => c.Id));
        var ledger = (await manager.GetFromJsonAsync<LedgerResponse>($"/api/v1/contacts/{contactId}/ledger", Ct))!;
        var give = Assert.Single(ledger.Items);
        Assert.Equal(("Give", "Completed", $"Conversation with {logged.Executive}", 0.5m), (give.Kind, give.Status, give.What, give.Hours));
        var progress = (await manager.GetFromJsonAsync<List<ExecutiveProgressResponse>>("/api/v1/executives/progress", Ct))!.Single(p => p.ExecutiveId == executiveId);
        Assert.Equal((Today.Year, 30, 1), (progress.Year, progress.Target, progress.Held));
        Assert.Equal(ConversationProgress.Of(30, 1, Today).OnTrackLine, progress.OnTrackLine);

        var done = await executive.PostAsync($"/api/v1/executive-conversations/{logged.Id}/follow-ups-done", null, Ct);
        Assert.True((await done.Content.ReadFromJsonAsync<ConversationResponse>(Ct))!.FollowUpsDone);
    }

    [Fact]
    public async Task A_conversation_in_the_future_or_for_another_executive_is_refused_and_changes_nothing()
    {
        var (_, executive) = await ExecutiveAsync();
        var (otherId, other) = await ExecutiveAsync();
        var (_, contactId) = await AddContactAsync();

        var future = await (await executive.PostAsJsonAsync("/api/v1/executive-conversations",
            new { contactId, heldOn = Today.AddDays(1), channel = "Phone" }, Ct)).AssertValidationProblemAsync("heldOn");
        var forAnother = await (await executive.PostAsJsonAsync("/api/v1/executive-conversations",
            new { contactId, heldOn = Today, channel = "Phone", executiveId = otherId }, Ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        var channel = await (await executive.PostAsJsonAsync("/api/v1/executive-conversations",
            new { contactId, heldOn = Today, channel = "Carrier pigeon" }, Ct)).AssertValidationProblemAsync("channel");
        var noContact = await (await executive.PostAsJsonAsync("/api/v1/executive-conversations",
            new { contactId = Guid.Empty, heldOn = Today, channel = "Video" }, Ct)).AssertValidationProblemAsync("contactId");

        Assert.Equal([$"heldOn cannot be in the future ({Today.AddDays(1):yyyy-MM-dd} is after today, {Today:yyyy-MM-dd}): log a conversation once it is held."], future);
        Assert.Equal("An executive logs only their own conversations.", forAnother.GetProperty("title").GetString());
        Assert.StartsWith("executiveId names ", forAnother.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(["channel must be one of FaceToFace, Phone, Video."], channel);
        Assert.Equal([$"No contact has the id {Guid.Empty}."], noContact);
        Assert.Equal((0, 0), await CountAsync(contactId));
        // Closing another's follow-ups is refused too.
        var logged = await LogAsync(other, new { contactId, heldOn = Today, channel = "Video", followUps = "Call back" });
        await (await executive.PostAsync($"/api/v1/executive-conversations/{logged.Id}/follow-ups-done", null, Ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_admin_sets_a_target_and_the_program_sees_who_is_behind_and_the_themes_that_repeat()
    {
        var (executiveId, executive) = await ExecutiveAsync();
        var (_, contactId) = await AddContactAsync();
        using var admin = await app.ClientForAsync(Roles.Admin);
        var a = await LogAsync(executive, new { contactId, heldOn = Today, channel = "Video", learned = "The data migration worries their IT team." });
        var b = await LogAsync(executive, new { contactId, heldOn = Today, channel = "Video", value = "The data migration went well in the second wave." });
        await LogAsync(executive, new { contactId, heldOn = Today, channel = "Video", learned = "They love the mobile app." });

        using var set = await admin.PutAsJsonAsync($"/api/v1/executives/{executiveId}/target", new { conversationsPerYear = 400 }, Ct);
        var progress = (await set.Content.ReadFromJsonAsync<ExecutiveProgressResponse>(Ct))!;

        var line = ConversationProgress.Of(400, 3, Today).OnTrackLine;
        Assert.Equal((400, 3, line, line > 3), (progress.Target, progress.Held, progress.OnTrackLine, progress.Behind));
        var themes = (await admin.GetFromJsonAsync<List<ThemeResponse>>("/api/v1/executives/themes", Ct))!;
        var migration = themes.Single(t => t.Phrase == "data migration");
        Assert.Equal(new[] { a.Id, b.Id }.Order(), migration.ConversationIds.Order());
        Assert.Equal(["conversationsPerYear must be between 1 and 1000, or left out for the program's default of 30."],
            await (await admin.PutAsJsonAsync($"/api/v1/executives/{executiveId}/target", new { conversationsPerYear = 0 }, Ct)).AssertValidationProblemAsync("conversationsPerYear"));
        Assert.Equal(["year must be between 2000 and " + Today.Year + "."],
            await (await admin.GetAsync($"/api/v1/executives/progress?year={Today.Year + 1}", Ct)).AssertValidationProblemAsync("year"));
        var reset = await (await admin.PutAsJsonAsync($"/api/v1/executives/{executiveId}/target", new { conversationsPerYear = (int?)null }, Ct))
            .Content.ReadFromJsonAsync<ExecutiveProgressResponse>(Ct);
        Assert.Equal(30, reset!.Target);
        await (await admin.PutAsJsonAsync($"/api/v1/executives/{Guid.NewGuid()}/target", new { conversationsPerYear = 10 }, Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_admin_without_conversations_gets_a_target_of_their_own_and_back_the_default()
    {
        var (adminId, _) = await ExecutiveAsync(Roles.Admin);
        using var admin = await app.ClientForAsync(Roles.Admin);

        using var set = await admin.PutAsJsonAsync($"/api/v1/executives/{adminId}/target", new { conversationsPerYear = 21 }, Ct);
        using var reset = await admin.PutAsJsonAsync($"/api/v1/executives/{adminId}/target", new { conversationsPerYear = (int?)null }, Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (set.StatusCode, reset.StatusCode));
        var (setTo, resetTo) = ((await set.Content.ReadFromJsonAsync<ExecutiveProgressResponse>(Ct))!, (await reset.Content.ReadFromJsonAsync<ExecutiveProgressResponse>(Ct))!);
        Assert.Equal((adminId, 21, 0, adminId, 30, 0), (setTo.ExecutiveId, setTo.Target, setTo.Held, resetTo.ExecutiveId, resetTo.Target, resetTo.Held));
    }

    [Fact]
    public async Task An_account_is_paired_with_an_executive_sponsor_who_must_be_an_executive()
    {
        var (executiveId, _) = await ExecutiveAsync();
        var seller = await app.AddUserAsync(Roles.Seller);
        var (accountId, _) = await AddContactAsync();
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);

        await (await manager.GetAsync($"/api/v1/accounts/{accountId}/sponsor", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(["executiveId is not an executive: a sponsor is a user in the role Executive or Admin."],
            await (await manager.PutAsJsonAsync($"/api/v1/accounts/{accountId}/sponsor", new { executiveId = seller.Id }, Ct)).AssertValidationProblemAsync("executiveId"));
        using var set = await manager.PutAsJsonAsync($"/api/v1/accounts/{accountId}/sponsor", new { executiveId, since = Today.AddDays(-30) }, Ct);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        var sponsor = (await manager.GetFromJsonAsync<SponsorResponse>($"/api/v1/accounts/{accountId}/sponsor", Ct))!;
        Assert.Equal((executiveId, Today.AddDays(-30)), (sponsor.ExecutiveId, sponsor.Since));
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/v1/accounts/{accountId}/sponsor", Ct)).StatusCode);
        await (await manager.GetAsync($"/api/v1/accounts/{accountId}/sponsor", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await manager.PutAsJsonAsync($"/api/v1/accounts/{Guid.NewGuid()}/sponsor", new { executiveId }, Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
