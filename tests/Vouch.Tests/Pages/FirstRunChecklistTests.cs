using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Vouch.Auth;
using Vouch.Features.Accounts;
using Vouch.Features.ActivityTypes;
using Vouch.Features.Contacts;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Pages;

/// <summary>
/// On a database without the demo, admins see the program's first steps on the dashboard, each ticked by what was done,
/// until all are; nobody else sees them.
/// </summary>
public sealed partial class FirstRunChecklistTests(EmailApp.WithPickupFolder app) : IClassFixture<EmailApp.WithPickupFolder>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("""data-testid="first-run-([a-z-]+)" class="done""")]
    private static partial Regex DoneStep();

    /// <summary>The steps ticked on the dashboard, in order and joined by commas; null when it shows no checklist.</summary>
    private static async Task<string?> DoneStepsAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/", Ct);
        return page.Contains("data-testid=\"first-run\"", StringComparison.Ordinal)
            ? string.Join(',', DoneStep().Matches(page).Select(m => m.Groups[1].Value))
            : null;
    }

    [Fact]
    public async Task Each_step_is_ticked_by_what_was_done_and_the_list_goes_once_all_are()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        Assert.Equal("", await DoneStepsAsync(admin));

        // Someone besides admins: a seller, who does not see the list.
        using var seller = await app.ClientForAsync(Roles.Seller);
        Assert.Null(await DoneStepsAsync(seller));
        Assert.Equal("team", await DoneStepsAsync(admin));

        // Customers in: an account, as an import or a sync would add it.
        using var created = await admin.PostAsJsonAsync("/api/v1/accounts", new { name = "Brightwater Foods" }, Ct);
        var account = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<AccountResponse>(Ct))!;
        Assert.Equal("customers,team", await DoneStepsAsync(admin));

        // An activity type as the program wants it: calls rest two weeks, not a month.
        var call = (await admin.GetFromJsonAsync<List<ActivityTypeResponse>>("/api/v1/activity-types", Ct))!.Single(t => t.Key == "reference-call");
        using var saved = await admin.PutAsJsonAsync("/api/v1/activity-types/reference-call", call with { RestPeriodDays = 14 }, Ct);
        saved.EnsureSuccessStatusCode();
        Assert.Equal("customers,activity-types,team", await DoneStepsAsync(admin));

        // A first advocate invited to the portal.
        using var contact = await admin.PostAsJsonAsync("/api/v1/contacts",
            new { accountId = account.Id, firstName = "Noor", lastName = "Haddad", email = $"noor-{Guid.NewGuid():N}@brightwater.example" }, Ct);
        var noor = (await contact.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<ContactResponse>(Ct))!;
        using var invited = await admin.PostAsync($"/api/v1/contacts/{noor.Id}/portal-invitation", null, Ct);
        invited.EnsureSuccessStatusCode();

        Assert.Null(await DoneStepsAsync(admin));
    }
}
