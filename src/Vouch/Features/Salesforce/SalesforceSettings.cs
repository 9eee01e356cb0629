using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Vouch.Hosting;

namespace Vouch.Features.Salesforce;

/// <summary>How Vouch signs in to Salesforce: a connected app's certificate (JWT bearer) or its secret (client credentials).</summary>
public enum SalesforceFlow { JwtBearer, ClientCredentials }

/// <summary>
/// The connection to a Salesforce org (<c>Salesforce:*</c>). The connection and its secrets live in configuration
/// (environment variables or a secret store), never in the database and never on a page; they are read and checked at
/// start, so a wrong value stops the app with its name rather than failing the first sync. What to sync and when is
/// the admin's, on the Salesforce page (<see cref="SalesforceSync"/>). A class, not a record, so that nothing prints the
/// secret by printing the settings.
/// </summary>
public sealed partial class SalesforceSettings
{
    /// <summary>Where tokens are asked for: <c>https://login.salesforce.com</c>, a sandbox's, or the org's My Domain (required for client credentials).</summary>
    public Uri? LoginUrl { get; init; }

    /// <summary>The connected app's consumer key.</summary>
    public string? ClientId { get; init; }

    /// <summary>The Salesforce user the JWT bearer flow signs in as; the sync reads and writes with their permissions.</summary>
    public string? Username { get; init; }

    /// <summary>The private key of the certificate uploaded to the connected app (JWT bearer); never shown.</summary>
    public RSA? PrivateKey { get; init; }

    /// <summary>The connected app's consumer secret (client credentials); never shown.</summary>
    public string? ClientSecret { get; init; }

    public string ApiVersion { get; init; } = "v62.0";

    /// <summary>How long one call may take before it counts as failed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Records a query page holds (Salesforce allows 200 to 2,000).</summary>
    public int PageSize { get; init; } = 2_000;

    /// <summary>How long a sync waits after Salesforce says the org's daily API requests are used up.</summary>
    public TimeSpan LimitBackoff { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How often each instance looks whether a sync is due; a sync asked for on this instance starts at once.</summary>
    public TimeSpan CheckInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Whether the login URL may be plain <c>http://</c>: only for a server on this machine, never for an org.</summary>
    public bool AllowHttp { get; init; }

    public bool IsConfigured => LoginUrl is not null;

    public SalesforceFlow Flow => PrivateKey is not null ? SalesforceFlow.JwtBearer : SalesforceFlow.ClientCredentials;

    public static SalesforceSettings FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("Salesforce");
        var defaults = new SalesforceSettings();
        var allowHttp = section.Read("AllowHttp", false, bool.Parse, _ => true);
        var settings = new SalesforceSettings
        {
            AllowHttp = allowHttp,
            LoginUrl = section.Read<Uri?>("LoginUrl", null, text => new Uri(text.TrimEnd('/'), UriKind.Absolute),
                uri => uri is not null && (uri.Scheme == Uri.UriSchemeHttps || (allowHttp && uri.Scheme == Uri.UriSchemeHttp))),
            ClientId = Text(section["ClientId"]),
            Username = Text(section["Username"]),
            PrivateKey = ReadPrivateKey(section),
            ClientSecret = Text(section["ClientSecret"]),
            ApiVersion = section.Read("ApiVersion", defaults.ApiVersion, text => text, text => ApiVersionPattern().IsMatch(text)),
            Timeout = section.Read("Timeout", defaults.Timeout, TimeSpan.Parse, t => t > TimeSpan.Zero && t <= TimeSpan.FromMinutes(10)),
            PageSize = section.Read("PageSize", defaults.PageSize, int.Parse, n => n is >= 200 and <= 2_000),
            LimitBackoff = section.Read("LimitBackoff", defaults.LimitBackoff, TimeSpan.Parse, t => t > TimeSpan.Zero),
            CheckInterval = section.Read("CheckInterval", defaults.CheckInterval, TimeSpan.Parse, t => t > TimeSpan.Zero),
        };
        settings.Check(section.Path);
        return settings;
    }

    /// <summary>A connection is all or nothing: a login URL, a consumer key, and one way to prove it is us.</summary>
    private void Check(string path)
    {
        var given = new[] { ("ClientId", ClientId), ("Username", Username), ("ClientSecret", ClientSecret) }
            .Where(s => s.Item2 is not null).Select(s => s.Item1).Concat(PrivateKey is null ? [] : ["PrivateKey"]).ToList();
        if (LoginUrl is null)
        {
            if (given.Count > 0)
            {
                throw new SettingsException($"{path}:{given[0]} is set but {path}:LoginUrl is not; set the org's login URL, e.g. https://login.salesforce.com.");
            }
            return;
        }
        if (ClientId is null)
        {
            throw new SettingsException($"{path}:ClientId is not set; it is the connected app's consumer key.");
        }
        if ((PrivateKey is null) == (ClientSecret is null))
        {
            throw new SettingsException(
                $"Set either {path}:PrivateKey (or PrivateKeyFile) with {path}:Username for the JWT bearer flow, or {path}:ClientSecret for client credentials; not both, not neither.");
        }
        if (PrivateKey is not null && Username is null)
        {
            throw new SettingsException($"{path}:Username is not set; the JWT bearer flow signs in as that Salesforce user.");
        }
    }

    /// <summary>The key as PEM text (<c>PrivateKey</c>) or a PEM file (<c>PrivateKeyFile</c>), checked now so a bad one is named at start.</summary>
    private static RSA? ReadPrivateKey(IConfigurationSection section)
    {
        var (key, pem) = (Text(section["PrivateKeyFile"]), Text(section["PrivateKey"])) switch
        {
            ({ } file, null) => File.Exists(file)
                ? ("PrivateKeyFile", File.ReadAllText(file))
                : throw new SettingsException($"{section.Path}:PrivateKeyFile is '{file}', which is not a file."),
            (null, { } text) => ("PrivateKey", text),
            (null, null) => ("", null),
            _ => throw new SettingsException($"Set {section.Path}:PrivateKey or {section.Path}:PrivateKeyFile, not both."),
        };
        if (pem is null)
        {
            return null;
        }
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return rsa;
        }
        catch (ArgumentException)
        {
            rsa.Dispose();
            throw new SettingsException($"{section.Path}:{key} holds no RSA private key in PEM (-----BEGIN PRIVATE KEY-----).");
        }
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^v\d{2,3}\.0$")]
    private static partial Regex ApiVersionPattern();
}
