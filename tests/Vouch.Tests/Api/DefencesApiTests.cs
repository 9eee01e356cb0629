using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Defences;
using Vouch.Features.Engagements;
using Vouch.Tests.Infrastructure;
using Vouch.Web;

namespace Vouch.Tests.Api;

/// <summary>Defences: a public attack logged, the customers who answered it marked defenders, each answer a completed ask.</summary>
public sealed class DefencesApiTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private HttpClient? _manager;

    private async Task<HttpClient> ManagerAsync() => _manager ??= await app.ClientForAsync(Roles.ReferenceManager);

    private Task<Guid> AddContactAsync(string first = "Dana", int? maxAsksPerQuarter = null) => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<VouchDbContext>();
        var account = new Account { Name = $"Defended {Guid.NewGuid():N}"[..20] };
        var contact = new Contact { AccountId = account.Id, FirstName = first, LastName = "Cruz", MaxAsksPerQuarter = maxAsksPerQuarter };
        db.AddRange(account, contact);
        await db.SaveChangesAsync(Ct);
        return contact.Id;
    });

    private async Task<DefenceDetails> LogAsync(object? body = null)
    {
        using var response = await (await ManagerAsync()).PostAsJsonAsync("/api/v1/defences", body ?? new
        {
            where = "Sysadmin forum", url = "https://forum.test/t/123", occurredOn = Today.AddDays(-3), topic = "A misleading comparison with RefBase",
            severity = "high", summary = "A post claims we have no SSO.",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<DefenceDetails>(Ct))!;
    }

    private async Task<HttpResponseMessage> AddDefenderAsync(Guid defenceId, object body) =>
        await (await ManagerAsync()).PostAsJsonAsync($"/api/v1/defences/{defenceId}/defenders", body, Ct);

    [Fact]
    public async Task A_defender_is_marked_and_their_answer_is_a_completed_brand_defence_in_the_ledger()
    {
        var manager = await ManagerAsync();
        var contactId = await AddContactAsync();
        var defence = await LogAsync();

        using var added = await AddDefenderAsync(defence.Id, new { contactId, answeredOn = Today.AddDays(-2), answerUrl = "https://forum.test/t/123#4" });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var defender = (await added.Content.ReadFromJsonAsync<DefenderResponse>(Ct))!;
        Assert.Equal(("Dana Cruz", Today.AddDays(-2), "https://forum.test/t/123#4"), (defender.Contact, defender.AnsweredOn, defender.AnswerUrl));
        var contact = await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().Contacts.AsNoTracking().SingleAsync(c => c.Id == contactId, Ct));
        Assert.True(contact.IsDefender);
        var ask = Assert.Single((await manager.GetFromJsonAsync<LedgerResponse>($"/api/v1/contacts/{contactId}/ledger", Ct))!.Items);
        Assert.Equal(("Ask", "Completed", "Brand defence", "Defended us on Sysadmin forum: A misleading comparison with RefBase", defender.EngagementId),
            (ask.Kind, ask.Status, ask.Activity, ask.What, (Guid?)ask.Id));
        var read = (await manager.GetFromJsonAsync<DefenceDetails>($"/api/v1/defences/{defence.Id}", Ct))!;
        Assert.Equal("High", read.Severity);
        Assert.Equal([defender], read.Defenders);
        var listed = (await manager.GetFromJsonAsync<Paged<DefenceSummary>>("/api/v1/defences?q=RefBase&pageSize=5", Ct))!;
        Assert.Contains(listed.Items, d => d.Id == defence.Id && d.Defenders == 1);
    }

    [Fact]
    public async Task A_spontaneous_answer_is_recorded_even_when_no_ask_would_be_allowed_now()
    {
        // No consent at all and no room this quarter: nobody would ask them, but they answered.
        var contactId = await AddContactAsync("Sol", maxAsksPerQuarter: 0);
        var defence = await LogAsync();

        using var added = await AddDefenderAsync(defence.Id, new { contactId });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var ledger = (await (await ManagerAsync()).GetFromJsonAsync<LedgerResponse>($"/api/v1/contacts/{contactId}/ledger", Ct))!;
        Assert.Equal([("Completed", "Brand defence")], ledger.Items.Select(i => (i.Status, i.Activity)));
        using var twice = await AddDefenderAsync(defence.Id, new { contactId });
        var problem = await twice.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Sol Cruz is a defender of this one already.", problem.GetProperty("title").GetString());
        Assert.Single((await (await ManagerAsync()).GetFromJsonAsync<LedgerResponse>($"/api/v1/contacts/{contactId}/ledger", Ct))!.Items);
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field_and_changes_nothing()
    {
        var manager = await ManagerAsync();
        var contactId = await AddContactAsync();
        var defence = await LogAsync();

        async Task<string[]> InvalidAsync(object body, string field) =>
            await (await manager.PostAsJsonAsync("/api/v1/defences", body, Ct)).AssertValidationProblemAsync(field);

        Assert.Equal(["where is required."], await InvalidAsync(new { occurredOn = Today, topic = "t", severity = "Low" }, "where"));
        Assert.Equal(["severity must be one of Low, Medium, High."], await InvalidAsync(new { where = "w", occurredOn = Today, topic = "t", severity = "Dire" }, "severity"));
        Assert.Equal(["occurredOn cannot be in the future."], await InvalidAsync(new { where = "w", occurredOn = Today.AddDays(1), topic = "t", severity = "Low" }, "occurredOn"));
        Assert.Equal(["url must be an absolute http or https link, such as https://forum.example.com/t/123; 'forum post' is not."],
            await InvalidAsync(new { where = "w", url = "forum post", occurredOn = Today, topic = "t", severity = "Low" }, "url"));
        Assert.Equal([$"answeredOn cannot be before the attack appeared, on {Today.AddDays(-3):yyyy-MM-dd}."],
            await (await AddDefenderAsync(defence.Id, new { contactId, answeredOn = Today.AddDays(-4) })).AssertValidationProblemAsync("answeredOn"));
        Assert.Equal([$"No contact has the id {Guid.Empty}."],
            await (await AddDefenderAsync(defence.Id, new { contactId = Guid.Empty })).AssertValidationProblemAsync("contactId"));
        await (await AddDefenderAsync(Guid.NewGuid(), new { contactId })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await manager.GetAsync($"/api/v1/defences/{Guid.NewGuid()}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await manager.GetFromJsonAsync<LedgerResponse>($"/api/v1/contacts/{contactId}/ledger", Ct))!.Items);
        Assert.Empty((await manager.GetFromJsonAsync<DefenceDetails>($"/api/v1/defences/{defence.Id}", Ct))!.Defenders);
    }
}
