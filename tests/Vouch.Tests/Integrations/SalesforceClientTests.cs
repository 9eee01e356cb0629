using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Features.Salesforce;
using Vouch.Testing;

namespace Vouch.Tests.Integrations;

/// <summary>The client signs in as Salesforce documents, signs in again when the session ends, and reports Salesforce's refusals.</summary>
public sealed class SalesforceClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SalesforceClient Client(string settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            settings.Split(';').Select(s => s.Split('=', 2)).Select(p => KeyValuePair.Create(p[0], (string?)p[1]))).Build();
        var http = new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        return new SalesforceClient(http, SalesforceSettings.FromConfiguration(configuration), TimeProvider.System);
    }

    private static string ClientCredentials(SalesforceStandIn org, string secret) =>
        $"Salesforce:AllowHttp=true;Salesforce:LoginUrl={org.LoginUrl};Salesforce:ClientId={org.ClientId};Salesforce:ClientSecret={secret}";

    [Fact]
    public async Task Client_credentials_read_every_page_and_a_session_that_ended_is_opened_again()
    {
        await using var org = await SalesforceStandIn.StartAsync(new SalesforceStandInOptions { PageSize = 2 });
        var account = org.Add("Account", new Dictionary<string, object?> { ["Name"] = "Kauri Foods", ["NumberOfEmployees"] = 1200 });
        org.Add("Account", new Dictionary<string, object?> { ["Name"] = "Harbour Freight" });
        org.Add("Account", new Dictionary<string, object?> { ["Name"] = "Tui Bank" });
        var client = Client(ClientCredentials(org, org.ClientSecret));

        var first = await Names(client);
        org.ExpireSessions();
        var again = await Names(client);

        Assert.Equal(["Harbour Freight", "Kauri Foods", "Tui Bank"], first.Order());
        Assert.Equal(first, again);
        var record = (await client.QueryAsync($"SELECT Id, NumberOfEmployees, SystemModstamp FROM Account WHERE SystemModstamp >= 2000-01-01T00:00:00.000Z ORDER BY SystemModstamp ASC, Id ASC", false, Ct)
            .SelectMany(p => p.Records.ToAsyncEnumerable()).FirstAsync(r => r["Id"] == account, Ct));
        Assert.Equal("1200", record["NumberOfEmployees"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", record["SystemModstamp"]);
        Assert.Matches(@"^\d+/100000$", client.ApiUsage);
    }

    [Fact]
    public async Task A_wrong_secret_and_a_missing_field_are_salesforces_own_words()
    {
        await using var org = await SalesforceStandIn.StartAsync();

        var refused = await Assert.ThrowsAsync<SalesforceException>(() => Client(ClientCredentials(org, "wrong")).CheckAsync(Ct));
        var missing = await Assert.ThrowsAsync<SalesforceException>(() =>
            Client(ClientCredentials(org, org.ClientSecret)).CreateAsync("Lead", new Dictionary<string, object?> { ["Company"] = "Tui Bank" }, Ct));

        Assert.Equal(("invalid_client", "invalid client credentials"), (refused.ErrorCode, refused.Reason));
        Assert.Equal("REQUIRED_FIELD_MISSING", missing.ErrorCode);
        Assert.Equal(["LastName"], missing.Fields);
        Assert.False(missing.IsLimitExceeded);
    }

    private static async Task<List<string>> Names(SalesforceClient client)
    {
        var names = new List<string>();
        await foreach (var page in client.QueryAsync("SELECT Id, Name, SystemModstamp FROM Account ORDER BY SystemModstamp ASC, Id ASC", includeDeleted: false, Ct))
        {
            names.AddRange(page.Records.Select(r => r["Name"]!));
        }
        return names;
    }
}
