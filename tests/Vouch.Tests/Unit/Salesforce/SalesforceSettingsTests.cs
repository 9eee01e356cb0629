using Microsoft.Extensions.Configuration;
using Vouch.Features.Salesforce;
using Vouch.Hosting;

namespace Vouch.Tests.Unit.Salesforce;

public sealed class SalesforceSettingsTests
{
    private static IConfiguration Configuration(string settings) => new ConfigurationBuilder().AddInMemoryCollection(
        settings.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split('=', 2)).Select(p => KeyValuePair.Create(p[0], (string?)p[1]))).Build();

    [Theory]
    [InlineData("Salesforce:ClientId=abc", "Salesforce:ClientId is set but Salesforce:LoginUrl is not; set the org's login URL, e.g. https://login.salesforce.com.")]
    [InlineData("Salesforce:LoginUrl=https://login.salesforce.com;Salesforce:ClientSecret=s", "Salesforce:ClientId is not set; it is the connected app's consumer key.")]
    [InlineData("Salesforce:LoginUrl=https://login.salesforce.com;Salesforce:ClientId=abc",
        "Set either Salesforce:PrivateKey (or PrivateKeyFile) with Salesforce:Username for the JWT bearer flow, or Salesforce:ClientSecret for client credentials; not both, not neither.")]
    [InlineData("Salesforce:LoginUrl=http://login.salesforce.com;Salesforce:ClientId=abc;Salesforce:ClientSecret=s", "Salesforce:LoginUrl is 'http://login.salesforce.com', which is not a valid value.")]
    [InlineData("Salesforce:LoginUrl=https://login.salesforce.com;Salesforce:ClientId=abc;Salesforce:PrivateKey=not a key;Salesforce:Username=u@example.com",
        "Salesforce:PrivateKey holds no RSA private key in PEM (-----BEGIN PRIVATE KEY-----).")]
    [InlineData("Salesforce:LoginUrl=https://login.salesforce.com;Salesforce:ClientId=abc;Salesforce:ClientSecret=s;Salesforce:ApiVersion=62",
        "Salesforce:ApiVersion is '62', which is not a valid value.")]
    [InlineData("Salesforce:LoginUrl=https://login.salesforce.com;Salesforce:ClientId=abc;Salesforce:ClientSecret=s;Salesforce:PageSize=5000",
        "Salesforce:PageSize is '5000', which is not a valid value.")]
    public void A_mistake_in_the_connection_is_named_at_start(string settings, string message)
    {
        var error = Assert.Throws<SettingsException>(() => SalesforceSettings.FromConfiguration(Configuration(settings)));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Without_a_login_url_salesforce_is_not_connected()
    {
        Assert.False(SalesforceSettings.FromConfiguration(Configuration("")).IsConfigured);
    }

    [Fact]
    public void A_secret_connects_by_client_credentials_and_a_key_by_the_jwt_bearer_flow()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var secret = SalesforceSettings.FromConfiguration(Configuration("Salesforce:LoginUrl=https://acme.my.salesforce.com/;Salesforce:ClientId=abc;Salesforce:ClientSecret=s"));
        var key = SalesforceSettings.FromConfiguration(Configuration(
            $"Salesforce:LoginUrl=https://login.salesforce.com;Salesforce:ClientId=abc;Salesforce:Username=u@example.com;Salesforce:PrivateKey={rsa.ExportPkcs8PrivateKeyPem()}"));

        Assert.Equal((SalesforceFlow.ClientCredentials, "https://acme.my.salesforce.com/"), (secret.Flow, secret.LoginUrl!.ToString()));
        Assert.Equal(SalesforceFlow.JwtBearer, key.Flow);
    }

    [Theory]
    [InlineData("2026-12-04T10:00:00Z", "SELECT Id, Name FROM Account WHERE SystemModstamp >= 2026-12-04T10:00:00.000Z ORDER BY SystemModstamp ASC, Id ASC")]
    [InlineData(null, "SELECT Id, Name FROM Account ORDER BY SystemModstamp ASC, Id ASC")]
    public void A_pull_asks_for_the_changes_since_its_cursor_oldest_first(string? through, string soql)
    {
        Assert.Equal(soql, Soql.ChangedSince("Account", ["Id", "Name"], through is null ? null : DateTimeOffset.Parse(through, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
