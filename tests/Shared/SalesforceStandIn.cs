using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Vouch.Testing;

public sealed record SalesforceStandInOptions
{
    /// <summary>Records per query page; Salesforce answers at most 2,000.</summary>
    public int PageSize { get; init; } = 2000;

    /// <summary>API calls allowed before every call is refused with <c>REQUEST_LIMIT_EXCEEDED</c>.</summary>
    public int DailyApiLimit { get; init; } = 100_000;

    /// <summary>Where the record clock starts; the current time if not set.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>
    /// The clock a JWT's <c>exp</c> is checked against. It is not the record clock, so a test can move record time
    /// without its client's assertions looking expired.
    /// </summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}

/// <summary>
/// An HTTP server on 127.0.0.1 that answers the part of the Salesforce REST API a sync uses, with Salesforce's shapes:
/// the OAuth 2.0 JWT bearer and client credentials token requests at <c>/services/oauth2/token</c>; under
/// <c>/services/data/vNN.N/</c>, <c>query</c> and <c>queryAll</c> for
/// <c>SELECT fields FROM Object [WHERE SystemModstamp &gt;= datetime] ORDER BY SystemModstamp ASC, Id ASC [LIMIT n]</c>
/// paged through <c>nextRecordsUrl</c>, sObject create, read, update and delete, and <c>limits</c>; the
/// <c>Sforce-Limit-Info</c> header and Salesforce's error bodies.
/// </summary>
/// <remarks>
/// A JWT assertion must be RS256-signed with <see cref="PrivateKeyPem"/>, have <c>iss</c> = <see cref="ClientId"/>,
/// <c>sub</c> the Username of an active User, <c>aud</c> = <see cref="LoginUrl"/>, and an <c>exp</c> in the future
/// and at most three minutes away. The org starts with one User, the integration user named by
/// <see cref="Username"/>, so a User query answers it too. Records carry the <see cref="Now"/> of their last change
/// as SystemModstamp; several may share one, as in Salesforce.
/// </remarks>
public sealed partial class SalesforceStandIn : IAsyncDisposable
{
    public const string JwtBearerGrantType = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private const string DataPath = "/services/data/";
    private const string JsonContentType = "application/json;charset=UTF-8";
    // Salesforce keeps at most ten query cursors open per user and closes the oldest when an eleventh opens.
    private const int MaxOpenQueryLocators = 10;
    private const int RecordsPerFlush = 256;
    private const long MaxAssertionLifetimeSeconds = 180;

    private static readonly JsonEncodedText AttributesName = JsonEncodedText.Encode("attributes");
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText UrlName = JsonEncodedText.Encode("url");
    private static readonly Refusal NotFound = new(404, "NOT_FOUND", "The requested resource does not exist");

    private readonly SalesforceStandInOptions _options;
    private readonly RSA _key = RSA.Create(2048);
    private readonly Dictionary<string, SObjectTable> _tables = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, QueryCursor> _cursors = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _cursorOrder = new();
    private readonly ConcurrentQueue<string> _queries = new();
    private readonly JsonWebTokenHandler _assertions = new();
    private readonly TokenValidationParameters _assertionRules;
    private readonly string _organizationId = SalesforceId("00D", 1);
    private readonly SObjectTable _users;
    private WebApplication? _app;
    private long _nowTicks;
    private long _locatorCount;
    private int _apiCalls;
    private int _failNext;

    public Uri Root { get; private set; } = null!;

    /// <summary>The login and instance URL: <see cref="Root"/> without its trailing slash, the JWT's <c>aud</c>.</summary>
    public string LoginUrl => Root.ToString().TrimEnd('/');

    public string ClientId { get; } = "3MVG9" + RandomNumberGenerator.GetString("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz._", 80);

    public string ClientSecret { get; } = RandomNumberGenerator.GetHexString(64);

    /// <summary>The integration user's Username: the <c>sub</c> of a JWT assertion, and the client credentials run-as user.</summary>
    public string Username { get; } = "integration@vouch-standin.example.com";

    public string IntegrationUserId { get; }

    /// <summary>The PKCS#8 PEM of the RSA private key an assertion is signed with.</summary>
    public string PrivateKeyPem => _key.ExportPkcs8PrivateKeyPem();

    /// <summary>API calls answered since the start; refused ones are not counted.</summary>
    public int ApiCalls => Volatile.Read(ref _apiCalls);

    /// <summary>The SOQL of every query received, in order.</summary>
    public IReadOnlyList<string> Queries => [.. _queries];

    /// <summary>The record clock: SystemModstamp, CreatedDate and LastModifiedDate of a change. It moves only when set or advanced.</summary>
    public DateTimeOffset Now
    {
        get => new(Interlocked.Read(ref _nowTicks), TimeSpan.Zero);
        // Salesforce keeps milliseconds.
        set => Interlocked.Exchange(ref _nowTicks, value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerMillisecond);
    }

    private SalesforceStandIn(SalesforceStandInOptions options)
    {
        _options = options;
        Now = options.Now ?? options.TimeProvider.GetUtcNow();
        _assertionRules = new TokenValidationParameters
        {
            // Uncached, so no provider outlives the key this instance disposes.
            IssuerSigningKey = new RsaSecurityKey(_key) { CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false } },
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            // Checked one by one below, to answer with Salesforce's description of each failure.
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
        };
        var common = SObjectTable.SystemFields;
        Define("User", "005", [.. common, "Username", "FirstName", "LastName", "Name", "Email", "Title", "IsActive"]);
        Define("Account", "001", [.. common, "Name", "Industry", "Website", "BillingCountry", "NumberOfEmployees", "AnnualRevenue", "OwnerId"]);
        Define("Contact", "003", [.. common, "AccountId", "FirstName", "LastName", "Name", "Email", "Title", "Phone", "OwnerId"]);
        Define("Opportunity", "006", [.. common, "AccountId", "Name", "StageName", "Amount", "CloseDate", "IsClosed", "IsWon", "OwnerId"]);
        Define("OpportunityContactRole", "00K", [.. common, "OpportunityId", "ContactId", "Role", "IsPrimary"]);
        Define("Lead", "00Q", [.. common, "FirstName", "LastName", "Company", "Email", "Title", "Phone", "Website", "Status", "LeadSource", "Description", "OwnerId"],
            required: ["LastName", "Company"], defaults: [new("Status", "Open - Not Contacted")]);
        Define("Task", "00T", [.. common, "Subject", "Status", "Priority", "WhoId", "WhatId", "ActivityDate", "Description", "OwnerId"],
            defaults: [new("Status", "Not Started"), new("Priority", "Normal")]);
        _users = _tables["User"];
        IntegrationUserId = Add("User", new Dictionary<string, object?>
        {
            ["Username"] = Username, ["Email"] = Username, ["FirstName"] = "Vouch", ["LastName"] = "Integration", ["Name"] = "Vouch Integration", ["IsActive"] = true,
        });
    }

    public static async Task<SalesforceStandIn> StartAsync(SalesforceStandInOptions? options = null)
    {
        var standIn = new SalesforceStandIn(options ?? new SalesforceStandInOptions());
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(standIn.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        standIn._app = app;
        standIn.Root = new Uri(address.EndsWith('/') ? address : address + "/");
        return standIn;
    }

    public void Advance(TimeSpan by) => Now += by;

    /// <summary>Adds a record stamped with <see cref="Now"/> and returns its Id. A field the object does not have yet is declared.
    /// SystemModstamp, CreatedDate and IsDeleted may be given to seed history.</summary>
    public string Add(string sObject, IReadOnlyDictionary<string, object?> fields) => Table(sObject).Seed([fields], Now, IntegrationUserId)[0];

    /// <summary>Adds many records under one lock: the quick way to seed a large org.</summary>
    public IReadOnlyList<string> AddMany(string sObject, IEnumerable<IReadOnlyDictionary<string, object?>> records) =>
        Table(sObject).Seed(records, Now, IntegrationUserId);

    public void Update(string sObject, string id, IReadOnlyDictionary<string, object?> fields)
    {
        if (Table(sObject).Change(id, fields, Now, strict: false) is { } refusal)
        {
            throw new ArgumentException(refusal.Message, nameof(id));
        }
    }

    /// <summary>Moves a record to the recycle bin: IsDeleted becomes true and SystemModstamp <see cref="Now"/>.</summary>
    public void Delete(string sObject, string id)
    {
        if (Table(sObject).Remove(id, Now) is { } refusal)
        {
            throw new ArgumentException(refusal.Message, nameof(id));
        }
    }

    /// <summary>The current version of each record, ordered by SystemModstamp then Id.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Records(string sObject, bool includeDeleted = false)
    {
        var table = Table(sObject);
        var fields = table.FieldNames();
        return [.. table.Select(null, inclusive: true, includeDeleted, limit: null).Select(record => SObjectTable.ToDictionary(record, fields))];
    }

    /// <summary>Refuses the next <paramref name="count"/> API calls with <c>REQUEST_LIMIT_EXCEEDED</c>.</summary>
    public void FailNextWithLimitExceeded(int count) => Interlocked.Add(ref _failNext, count);

    /// <summary>Invalidates every access token issued so far.</summary>
    public void ExpireSessions() => _sessions.Clear();

    /// <summary>Closes every open query cursor, as Salesforce does after fifteen idle minutes.</summary>
    public void ExpireQueryLocators()
    {
        _cursors.Clear();
        _cursorOrder.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _key.Dispose();
    }

    private void Define(string name, string prefix, string[] fields, string[]? required = null, KeyValuePair<string, object?>[]? defaults = null) =>
        _tables.Add(name, new SObjectTable(name, prefix, fields, required ?? [], defaults ?? []));

    private SObjectTable Table(string sObject) =>
        _tables.TryGetValue(sObject, out var table) ? table : throw new ArgumentException($"The stand-in has no sObject '{sObject}'.", nameof(sObject));

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.TrimEnd('/').Equals("/services/oauth2/token", StringComparison.OrdinalIgnoreCase) && HttpMethods.IsPost(context.Request.Method))
        {
            await IssueTokenAsync(context);
            return;
        }
        if (!path.StartsWith(DataPath, StringComparison.OrdinalIgnoreCase))
        {
            await RefuseAsync(context, NotFound);
            return;
        }
        var authorization = context.Request.Headers.Authorization.ToString();
        var token = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || authorization.StartsWith("OAuth ", StringComparison.OrdinalIgnoreCase)
            ? authorization[(authorization.IndexOf(' ') + 1)..].Trim()
            : "";
        if (token.Length == 0 || !_sessions.ContainsKey(token))
        {
            await RefuseAsync(context, new Refusal(401, "INVALID_SESSION_ID", "Session expired or invalid"));
            return;
        }
        var counted = TryCountApiCall(out var used);
        context.Response.Headers["Sforce-Limit-Info"] = $"api-usage={used}/{_options.DailyApiLimit}";
        if (!counted)
        {
            await RefuseAsync(context, new Refusal(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded."));
            return;
        }

        var segments = path[DataPath.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2 || !VersionPattern().IsMatch(segments[0]))
        {
            await RefuseAsync(context, NotFound);
            return;
        }
        var version = segments[0];
        var resource = segments[1];
        var method = context.Request.Method;
        var isQuery = resource.Equals("query", StringComparison.OrdinalIgnoreCase);
        var isQueryAll = resource.Equals("queryAll", StringComparison.OrdinalIgnoreCase);
        var task = (segments.Length, HttpMethods.IsGet(method)) switch
        {
            (2, true) when isQuery || isQueryAll => QueryAsync(context, version, isQueryAll ? "queryAll" : "query", includeDeleted: isQueryAll),
            (3, true) when isQuery || isQueryAll => QueryMoreAsync(context, segments[2]),
            (2, true) when resource.Equals("limits", StringComparison.OrdinalIgnoreCase) => LimitsAsync(context, used),
            (3, _) when IsSObjects(resource) && HttpMethods.IsPost(method) => CreateAsync(context, version, segments[2]),
            (4, true) when IsSObjects(resource) => ReadAsync(context, version, segments[2], segments[3]),
            (4, _) when IsSObjects(resource) && HttpMethods.IsPatch(method) => UpdateAsync(context, segments[2], segments[3]),
            (4, _) when IsSObjects(resource) && HttpMethods.IsDelete(method) => DeleteAsync(context, segments[2], segments[3]),
            _ => RefuseAsync(context, NotFound),
        };
        await task;

        static bool IsSObjects(string resource) => resource.Equals("sobjects", StringComparison.OrdinalIgnoreCase);
    }

    private bool TryCountApiCall(out int used)
    {
        while (true)
        {
            var failNext = Volatile.Read(ref _failNext);
            if (failNext <= 0)
            {
                break;
            }
            if (Interlocked.CompareExchange(ref _failNext, failNext - 1, failNext) == failNext)
            {
                used = Volatile.Read(ref _apiCalls);
                return false;
            }
        }
        while (true)
        {
            used = Volatile.Read(ref _apiCalls);
            if (used >= _options.DailyApiLimit)
            {
                return false;
            }
            if (Interlocked.CompareExchange(ref _apiCalls, used + 1, used) == used)
            {
                used++;
                return true;
            }
        }
    }

    private async Task IssueTokenAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            await OAuthErrorAsync(context, "invalid_request", "request must be application/x-www-form-urlencoded");
            return;
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var grantType = form["grant_type"].ToString();
        string? userId;
        if (grantType == JwtBearerGrantType)
        {
            (userId, var failure) = await VerifyAssertionAsync(form["assertion"].ToString());
            if (failure is not null)
            {
                await OAuthErrorAsync(context, "invalid_grant", failure);
                return;
            }
        }
        else if (grantType == "client_credentials")
        {
            var (clientId, clientSecret) = ClientCredentials(context.Request, form);
            if (clientId != ClientId || clientSecret != ClientSecret)
            {
                await OAuthErrorAsync(context, "invalid_client", "invalid client credentials");
                return;
            }
            userId = IntegrationUserId;
        }
        else
        {
            await OAuthErrorAsync(context, "unsupported_grant_type", "grant type not supported");
            return;
        }

        var accessToken = $"{_organizationId[..15]}!{Base64Url(RandomNumberGenerator.GetBytes(48))}";
        _sessions[accessToken] = userId!;
        var id = $"{LoginUrl}/id/{_organizationId}/{userId}";
        var issuedAt = _options.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        // Salesforce signs the identity URL and the issue time with the consumer secret, so a client can check both.
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ClientSecret), Encoding.UTF8.GetBytes(id + issuedAt)));
        await WriteJsonAsync(context, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("access_token", accessToken);
            writer.WriteString("signature", signature);
            writer.WriteString("scope", "api");
            writer.WriteString("instance_url", LoginUrl);
            writer.WriteString("id", id);
            writer.WriteString("token_type", "Bearer");
            writer.WriteString("issued_at", issuedAt);
            writer.WriteEndObject();
        });
    }

    private static (string? ClientId, string? ClientSecret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
                var colon = pair.IndexOf(':');
                if (colon > 0)
                {
                    // RFC 6749 form-encodes both halves before joining them.
                    return (WebUtility.UrlDecode(pair[..colon]), WebUtility.UrlDecode(pair[(colon + 1)..]));
                }
            }
            catch (FormatException)
            {
                return (null, null);
            }
        }
        return (form["client_id"].ToString(), form["client_secret"].ToString());
    }

    private async Task<(string? UserId, string? Failure)> VerifyAssertionAsync(string assertion)
    {
        var result = await _assertions.ValidateTokenAsync(assertion, _assertionRules);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return (null, "invalid assertion");
        }
        if (jwt.Issuer != ClientId)
        {
            return (null, "client identifier invalid");
        }
        if (!jwt.Audiences.Contains(LoginUrl, StringComparer.OrdinalIgnoreCase))
        {
            return (null, "audience is invalid");
        }
        if (!jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Exp, out var expires))
        {
            return (null, "invalid assertion");
        }
        var now = _options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
        if (expires <= now)
        {
            return (null, "expired authorization code");
        }
        // One second of slack for a client that rounds its expiry up.
        if (expires > now + MaxAssertionLifetimeSeconds + 1)
        {
            return (null, "invalid assertion");
        }
        var user = _users.FindActiveUser(jwt.Subject);
        return user is null ? (null, "user hasn't approved this consumer") : (user, null);
    }

    private async Task QueryAsync(HttpContext context, string version, string resource, bool includeDeleted)
    {
        var soql = context.Request.Query["q"].ToString();
        _queries.Enqueue(soql);
        var match = QueryPattern().Match(soql);
        if (!match.Success)
        {
            await RefuseAsync(context, Malformed(soql));
            return;
        }
        if (!_tables.TryGetValue(match.Groups["object"].Value, out var table))
        {
            await RefuseAsync(context, new Refusal(400, "INVALID_TYPE",
                $"sObject type '{match.Groups["object"].Value}' is not supported. To use a custom object, append '__c' to its name."));
            return;
        }
        var selected = match.Groups["fields"].Value.Split(',', StringSplitOptions.TrimEntries);
        if (selected.Any(field => !FieldNamePattern().IsMatch(field)))
        {
            await RefuseAsync(context, Malformed(soql));
            return;
        }
        DateTimeOffset? since = null;
        if (match.Groups["since"].Success)
        {
            if (!DateTimeLiteralPattern().IsMatch(match.Groups["since"].Value))
            {
                await RefuseAsync(context, Malformed(soql));
                return;
            }
            since = DateTimeOffset.Parse(match.Groups["since"].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        }
        int? limit = null;
        if (match.Groups["limit"].Success)
        {
            if (!int.TryParse(match.Groups["limit"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                await RefuseAsync(context, Malformed(soql));
                return;
            }
            limit = parsed;
        }
        var columns = table.Resolve(selected, out var unknown);
        if (columns is null)
        {
            await RefuseAsync(context, new Refusal(400, "INVALID_FIELD",
                $"\n{soql}\nNo such column '{unknown}' on entity '{table.Name}'. To use a custom field, append '__c' to its name."));
            return;
        }
        var records = table.Select(since, inclusive: match.Groups["op"].Value == ">=", includeDeleted, limit);
        var locator = SalesforceId("01g", Interlocked.Increment(ref _locatorCount));
        await WritePageAsync(context, new QueryCursor(locator, version, resource, table.Name, columns, records), 0);
    }

    private static Refusal Malformed(string soql) => new(400, "MALFORMED_QUERY", $"\n{soql}\nunexpected token: the stand-in reads only SELECT … FROM … [WHERE SystemModstamp >= …] ORDER BY SystemModstamp ASC, Id ASC [LIMIT n]");

    private async Task QueryMoreAsync(HttpContext context, string locatorAndOffset)
    {
        var dash = locatorAndOffset.LastIndexOf('-');
        if (dash > 0
            && _cursors.TryGetValue(locatorAndOffset[..dash], out var cursor)
            && int.TryParse(locatorAndOffset[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            && offset > 0 && offset < cursor.Records.Length)
        {
            await WritePageAsync(context, cursor, offset);
            return;
        }
        await RefuseAsync(context, new Refusal(400, "INVALID_QUERY_LOCATOR", "invalid query locator"));
    }

    private async Task WritePageAsync(HttpContext context, QueryCursor cursor, int offset)
    {
        var end = Math.Min(offset + _options.PageSize, cursor.Records.Length);
        var done = end >= cursor.Records.Length;
        if (!done && _cursors.TryAdd(cursor.Locator, cursor))
        {
            _cursorOrder.Enqueue(cursor.Locator);
            while (_cursorOrder.Count > MaxOpenQueryLocators && _cursorOrder.TryDequeue(out var oldest))
            {
                _cursors.TryRemove(oldest, out _);
            }
        }
        context.Response.StatusCode = 200;
        context.Response.ContentType = JsonContentType;
        var body = context.Response.BodyWriter;
        await using var writer = new Utf8JsonWriter(body, new JsonWriterOptions { SkipValidation = true });
        writer.WriteStartObject();
        writer.WriteNumber("totalSize", cursor.Records.Length);
        writer.WriteBoolean("done", done);
        if (!done)
        {
            writer.WriteString("nextRecordsUrl", $"/services/data/{cursor.Version}/{cursor.Resource}/{cursor.Locator}-{end}");
        }
        writer.WriteStartArray("records");
        for (var from = offset; from < end; from += RecordsPerFlush)
        {
            WriteRecords(writer, cursor, from, Math.Min(from + RecordsPerFlush, end));
            writer.Flush();
            await body.FlushAsync(context.RequestAborted);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
    }

    private static void WriteRecords(Utf8JsonWriter writer, QueryCursor cursor, int from, int to)
    {
        var records = cursor.Records;
        var columns = cursor.Columns;
        for (var i = from; i < to; i++)
        {
            var record = records[i];
            writer.WriteStartObject();
            WriteAttributes(writer, cursor.Type, cursor.UrlPrefix, record.Id);
            foreach (var column in columns)
            {
                writer.WritePropertyName(column.Name);
                WriteValue(writer, record.Value(column.Ordinal));
            }
            writer.WriteEndObject();
        }
    }

    private static void WriteAttributes(Utf8JsonWriter writer, JsonEncodedText type, string urlPrefix, string id)
    {
        writer.WritePropertyName(AttributesName);
        writer.WriteStartObject();
        writer.WriteString(TypeName, type);
        Span<char> url = stackalloc char[urlPrefix.Length + id.Length];
        urlPrefix.CopyTo(url);
        id.CopyTo(url[urlPrefix.Length..]);
        writer.WriteString(UrlName, url);
        writer.WriteEndObject();
    }

    /// <summary>Writes a value as Salesforce types it in JSON: dates as <c>2026-12-31</c>, datetimes as <c>2026-12-04T10:00:00.000+0000</c>.</summary>
    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        Span<char> text = stackalloc char[32];
        int written;
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int n:
                writer.WriteNumberValue(n);
                break;
            case long n:
                writer.WriteNumberValue(n);
                break;
            case decimal n:
                writer.WriteNumberValue(n);
                break;
            case double n:
                writer.WriteNumberValue(n);
                break;
            case float n:
                writer.WriteNumberValue(n);
                break;
            case DateTimeOffset t:
                t.UtcDateTime.TryFormat(text, out written, "yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);
                writer.WriteStringValue(text[..written]);
                break;
            case DateTime t:
                (t.Kind == DateTimeKind.Unspecified ? t : t.ToUniversalTime()).TryFormat(text, out written, "yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);
                writer.WriteStringValue(text[..written]);
                break;
            case DateOnly d:
                d.TryFormat(text, out written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                writer.WriteStringValue(text[..written]);
                break;
            case IFormattable f:
                writer.WriteStringValue(f.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }

    private Task LimitsAsync(HttpContext context, int used) => WriteJsonAsync(context, 200, writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartObject("DailyApiRequests");
        writer.WriteNumber("Max", _options.DailyApiLimit);
        writer.WriteNumber("Remaining", _options.DailyApiLimit - used);
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    private async Task CreateAsync(HttpContext context, string version, string sObject)
    {
        if (!_tables.TryGetValue(sObject, out var table))
        {
            await RefuseAsync(context, NotFound);
            return;
        }
        var (fields, bodyRefusal) = await ReadBodyAsync(context);
        if (bodyRefusal is not null)
        {
            await RefuseAsync(context, bodyRefusal);
            return;
        }
        var (id, refusal) = table.Create(fields!, Now, _sessions.GetValueOrDefault(BearerToken(context)) ?? IntegrationUserId);
        if (refusal is not null)
        {
            await RefuseAsync(context, refusal);
            return;
        }
        context.Response.Headers.Location = $"/services/data/{version}/sobjects/{table.Name}/{id}";
        await WriteJsonAsync(context, 201, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteBoolean("success", true);
            writer.WriteStartArray("errors");
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static string BearerToken(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        return authorization[(authorization.IndexOf(' ') + 1)..].Trim();
    }

    private async Task ReadAsync(HttpContext context, string version, string sObject, string id)
    {
        var record = _tables.TryGetValue(sObject, out var table) ? table.Find(id) : null;
        if (record is null || record.IsDeleted)
        {
            await RefuseAsync(context, NotFound);
            return;
        }
        var columns = table!.Resolve(table.FieldNames(), out _)!;
        await WriteJsonAsync(context, 200, writer =>
        {
            writer.WriteStartObject();
            WriteAttributes(writer, JsonEncodedText.Encode(table.Name), $"/services/data/{version}/sobjects/{table.Name}/", record.Id);
            foreach (var column in columns)
            {
                writer.WritePropertyName(column.Name);
                WriteValue(writer, record.Value(column.Ordinal));
            }
            writer.WriteEndObject();
        });
    }

    private async Task UpdateAsync(HttpContext context, string sObject, string id)
    {
        if (!_tables.TryGetValue(sObject, out var table))
        {
            await RefuseAsync(context, NotFound);
            return;
        }
        var (fields, bodyRefusal) = await ReadBodyAsync(context);
        var refusal = bodyRefusal ?? table.Change(id, fields!, Now, strict: true);
        if (refusal is not null)
        {
            await RefuseAsync(context, refusal);
            return;
        }
        context.Response.StatusCode = 204;
    }

    private async Task DeleteAsync(HttpContext context, string sObject, string id)
    {
        var refusal = _tables.TryGetValue(sObject, out var table) ? table.Remove(id, Now) : NotFound;
        if (refusal is not null)
        {
            await RefuseAsync(context, refusal);
            return;
        }
        context.Response.StatusCode = 204;
    }

    private static async Task<(Dictionary<string, object?>? Fields, Refusal? Refusal)> ReadBodyAsync(HttpContext context)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException e)
        {
            return (null, new Refusal(400, "JSON_PARSER_ERROR", e.Message));
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, new Refusal(400, "JSON_PARSER_ERROR", "Expected a JSON object of field values."));
            }
            var fields = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == "attributes")
                {
                    continue;
                }
                var value = property.Value;
                switch (value.ValueKind)
                {
                    case JsonValueKind.String:
                        fields[property.Name] = value.GetString();
                        break;
                    case JsonValueKind.Number:
                        fields[property.Name] = value.TryGetInt64(out var whole) ? whole : value.GetDecimal();
                        break;
                    case JsonValueKind.True or JsonValueKind.False:
                        fields[property.Name] = value.GetBoolean();
                        break;
                    case JsonValueKind.Null:
                        fields[property.Name] = null;
                        break;
                    default:
                        return (null, new Refusal(400, "JSON_PARSER_ERROR", $"Cannot deserialize a field value from {value.ValueKind} for {property.Name}."));
                }
            }
            return (fields, null);
        }
    }

    private static Task OAuthErrorAsync(HttpContext context, string error, string description) => WriteJsonAsync(context, 400, writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("error", error);
        writer.WriteString("error_description", description);
        writer.WriteEndObject();
    });

    private static Task RefuseAsync(HttpContext context, Refusal refusal) => WriteJsonAsync(context, refusal.Status, writer =>
    {
        writer.WriteStartArray();
        writer.WriteStartObject();
        writer.WriteString("message", refusal.Message);
        writer.WriteString("errorCode", refusal.ErrorCode);
        if (refusal.Fields is not null)
        {
            writer.WriteStartArray("fields");
            foreach (var field in refusal.Fields)
            {
                writer.WriteStringValue(field);
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
        writer.WriteEndArray();
    });

    private static async Task WriteJsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }
        context.Response.StatusCode = status;
        context.Response.ContentType = JsonContentType;
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string ChecksumAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    /// <summary>
    /// An 18-character id: key prefix, a fixed instance part, a base-62 counter whose digits sort in ordinal order, and
    /// Salesforce's case-safe suffix (one character per five, its bits marking the upper-case letters).
    /// </summary>
    private static string SalesforceId(string prefix, long number)
    {
        Span<char> id = stackalloc char[18];
        prefix.CopyTo(id);
        "5e0".CopyTo(id[3..]);
        for (var i = 14; i >= 6; i--)
        {
            id[i] = Base62[(int)(number % 62)];
            number /= 62;
        }
        for (var chunk = 0; chunk < 3; chunk++)
        {
            var bits = 0;
            for (var j = 0; j < 5; j++)
            {
                if (char.IsAsciiLetterUpper(id[chunk * 5 + j]))
                {
                    bits |= 1 << j;
                }
            }
            id[15 + chunk] = ChecksumAlphabet[bits];
        }
        return new string(id);
    }

    [GeneratedRegex(@"^v\d+\.\d$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^\s*SELECT\s+(?<fields>[\w\s,]+?)\s+FROM\s+(?<object>\w+)(?:\s+WHERE\s+SystemModstamp\s*(?<op>>=|>)\s*(?<since>[0-9TZ:.+\-]+))?\s+ORDER\s+BY\s+SystemModstamp(?:\s+ASC)?\s*,\s*Id(?:\s+ASC)?(?:\s+LIMIT\s+(?<limit>\d+))?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QueryPattern();

    [GeneratedRegex(@"^\w+$")]
    private static partial Regex FieldNamePattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex DateTimeLiteralPattern();

    private sealed record Refusal(int Status, string ErrorCode, string Message, IReadOnlyList<string>? Fields = null);

    private readonly record struct Column(JsonEncodedText Name, int Ordinal);

    /// <summary>A query's result as it was when asked: later changes do not move its pages.</summary>
    private sealed class QueryCursor(string locator, string version, string resource, string type, Column[] columns, SObjectRecord[] records)
    {
        public string Locator { get; } = locator;
        public string Version { get; } = version;
        public string Resource { get; } = resource;
        public JsonEncodedText Type { get; } = JsonEncodedText.Encode(type);
        public string UrlPrefix { get; } = $"/services/data/{version}/sobjects/{type}/";
        public Column[] Columns { get; } = columns;
        public SObjectRecord[] Records { get; } = records;
    }

    /// <summary>One version of a record. A change makes a new version, so a cursor's snapshot never sees it.</summary>
    private sealed class SObjectRecord(string id, long stamp, bool isDeleted, object?[] values)
    {
        public string Id { get; } = id;
        public long Stamp { get; } = stamp;
        public bool IsDeleted { get; } = isDeleted;
        public object?[] Values { get; } = values;
        public bool Replaced { get; set; }

        // A field declared after this version was written has no value in it.
        public object? Value(int ordinal) => ordinal < Values.Length ? Values[ordinal] : null;

        public static int Compare(SObjectRecord a, SObjectRecord b) =>
            a.Stamp != b.Stamp ? a.Stamp.CompareTo(b.Stamp) : string.CompareOrdinal(a.Id, b.Id);
    }

    /// <summary>An sObject's fields and records, kept in (SystemModstamp, Id) order so a query is a binary search and a copy.</summary>
    private sealed class SObjectTable
    {
        // Every object declares the system fields first, in this order.
        private const int IdField = 0, IsDeletedField = 1, CreatedDateField = 2, LastModifiedDateField = 3, SystemModstampField = 4;
        public static readonly string[] SystemFields = ["Id", "IsDeleted", "CreatedDate", "LastModifiedDate", "SystemModstamp"];
        private static readonly object True = true, False = false;

        private readonly Lock _gate = new();
        private readonly string _prefix;
        private readonly List<string> _fields = [];
        private readonly Dictionary<string, int> _ordinals = new(StringComparer.OrdinalIgnoreCase);
        private readonly string[] _required;
        private readonly KeyValuePair<string, object?>[] _defaults;
        private readonly List<SObjectRecord> _ordered = [];
        private readonly Dictionary<string, SObjectRecord> _byId = new(StringComparer.Ordinal);
        private bool _sorted = true;
        private int _replaced;
        private long _count;

        public string Name { get; }

        public SObjectTable(string name, string prefix, string[] fields, string[] required, KeyValuePair<string, object?>[] defaults)
        {
            Name = name;
            _prefix = prefix;
            _required = required;
            _defaults = defaults;
            foreach (var field in fields)
            {
                Declare(field);
            }
        }

        private int Declare(string field)
        {
            if (!_ordinals.TryGetValue(field, out var ordinal))
            {
                ordinal = _fields.Count;
                _fields.Add(field);
                _ordinals.Add(field, ordinal);
            }
            return ordinal;
        }

        private int Ordinal(string field) => _ordinals[field];

        public string[] FieldNames()
        {
            lock (_gate)
            {
                return [.. _fields];
            }
        }

        public Column[]? Resolve(IReadOnlyList<string> fields, out string? unknown)
        {
            lock (_gate)
            {
                var columns = new Column[fields.Count];
                for (var i = 0; i < fields.Count; i++)
                {
                    if (!_ordinals.TryGetValue(fields[i], out var ordinal))
                    {
                        unknown = fields[i];
                        return null;
                    }
                    columns[i] = new Column(JsonEncodedText.Encode(_fields[ordinal]), ordinal);
                }
                unknown = null;
                return columns;
            }
        }

        public SObjectRecord? Find(string id)
        {
            lock (_gate)
            {
                return _byId.GetValueOrDefault(id);
            }
        }

        public string? FindActiveUser(string? username)
        {
            lock (_gate)
            {
                var usernameOrdinal = Ordinal("Username");
                var activeOrdinal = Ordinal("IsActive");
                return _byId.Values.FirstOrDefault(user => !user.IsDeleted && user.Value(activeOrdinal) is not false
                    && string.Equals(user.Value(usernameOrdinal) as string, username, StringComparison.OrdinalIgnoreCase))?.Id;
            }
        }

        public IReadOnlyList<string> Seed(IEnumerable<IReadOnlyDictionary<string, object?>> records, DateTimeOffset now, string? ownerId)
        {
            var ids = new List<string>();
            lock (_gate)
            {
                foreach (var fields in records)
                {
                    foreach (var field in fields.Keys)
                    {
                        if (string.Equals(field, "Id", StringComparison.OrdinalIgnoreCase))
                        {
                            throw new ArgumentException("The stand-in gives every record its Id.", nameof(records));
                        }
                        Declare(field);
                    }
                    var values = NewValues(fields, ownerId);
                    var stamp = Timestamp(values[SystemModstampField]) ?? now;
                    // One box for the three stamps, which a million seeded records mostly share.
                    object boxed = stamp;
                    values[CreatedDateField] = Timestamp(values[CreatedDateField]) ?? boxed;
                    values[LastModifiedDateField] = Timestamp(values[LastModifiedDateField]) ?? boxed;
                    values[SystemModstampField] = boxed;
                    ids.Add(Insert(values, stamp, values[IsDeletedField] is true));
                }
            }
            return ids;
        }

        public (string? Id, Refusal? Refusal) Create(IReadOnlyDictionary<string, object?> fields, DateTimeOffset now, string ownerId)
        {
            lock (_gate)
            {
                if (Writable(fields) is { } refusal)
                {
                    return (null, refusal);
                }
                var values = NewValues(fields, ownerId);
                var missing = _required.Where(field => values[Ordinal(field)] is null or "").ToArray();
                if (missing.Length > 0)
                {
                    return (null, MissingFields(missing));
                }
                values[CreatedDateField] = now;
                values[LastModifiedDateField] = now;
                return (Insert(values, now, isDeleted: false), null);
            }
        }

        public Refusal? Change(string id, IReadOnlyDictionary<string, object?> fields, DateTimeOffset now, bool strict)
        {
            lock (_gate)
            {
                if (!_byId.TryGetValue(id, out var current))
                {
                    return NotFound;
                }
                if (current.IsDeleted)
                {
                    return EntityIsDeleted;
                }
                if (strict && Writable(fields) is { } refusal)
                {
                    return refusal;
                }
                var values = Copy(current);
                foreach (var (field, value) in fields)
                {
                    if (_ordinals.TryGetValue(field, out var system) && system <= SystemModstampField)
                    {
                        // The stand-in keeps these true to the record: Delete and the clock move them.
                        throw new ArgumentException($"{_fields[system]} is set by the stand-in, not by an update.", nameof(fields));
                    }
                    var ordinal = Declare(field);
                    values = Grow(values);
                    values[ordinal] = value;
                }
                values = Grow(values);
                var missing = _required.Where(field => fields.ContainsKey(field) && values[Ordinal(field)] is null or "").ToArray();
                if (strict && missing.Length > 0)
                {
                    return MissingFields(missing);
                }
                values[LastModifiedDateField] = now;
                Replace(current, values, now, isDeleted: false);
                return null;
            }
        }

        public Refusal? Remove(string id, DateTimeOffset now)
        {
            lock (_gate)
            {
                if (!_byId.TryGetValue(id, out var current))
                {
                    return NotFound;
                }
                if (current.IsDeleted)
                {
                    return EntityIsDeleted;
                }
                var values = Copy(current);
                values[LastModifiedDateField] = now;
                Replace(current, values, now, isDeleted: true);
                return null;
            }
        }

        /// <summary>The records from <paramref name="since"/> on, in (SystemModstamp, Id) order, as they are now.</summary>
        public SObjectRecord[] Select(DateTimeOffset? since, bool inclusive, bool includeDeleted, int? limit)
        {
            lock (_gate)
            {
                if (_replaced > 0)
                {
                    _ordered.RemoveAll(record => record.Replaced);
                    _replaced = 0;
                }
                if (!_sorted)
                {
                    _ordered.Sort(SObjectRecord.Compare);
                    _sorted = true;
                }
                var start = since is { } from ? FirstAfter(from.UtcTicks, inclusive) : 0;
                var take = Math.Min(_ordered.Count - start, limit ?? int.MaxValue);
                var result = new SObjectRecord[take];
                var count = 0;
                for (var i = start; i < _ordered.Count && count < take; i++)
                {
                    var record = _ordered[i];
                    if (includeDeleted || !record.IsDeleted)
                    {
                        result[count++] = record;
                    }
                }
                if (count < take)
                {
                    Array.Resize(ref result, count);
                }
                return result;
            }
        }

        public static Dictionary<string, object?> ToDictionary(SObjectRecord record, string[] fields)
        {
            var dictionary = new Dictionary<string, object?>(fields.Length, StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < fields.Length; i++)
            {
                dictionary[fields[i]] = record.Value(i);
            }
            return dictionary;
        }

        private int FirstAfter(long ticks, bool inclusive)
        {
            int low = 0, high = _ordered.Count;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                var stamp = _ordered[middle].Stamp;
                if (inclusive ? stamp < ticks : stamp <= ticks)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }
            return low;
        }

        private Refusal? Writable(IReadOnlyDictionary<string, object?> fields)
        {
            foreach (var field in fields.Keys)
            {
                if (string.Equals(field, "Id", StringComparison.OrdinalIgnoreCase))
                {
                    return new Refusal(400, "INVALID_FIELD", "Id must not be given in the sObject data.");
                }
                if (!_ordinals.ContainsKey(field))
                {
                    return new Refusal(400, "INVALID_FIELD", $"No such column '{field}' on sobject of type {Name}");
                }
                if (_ordinals[field] <= SystemModstampField)
                {
                    return new Refusal(400, "INVALID_FIELD_FOR_INSERT_UPDATE", $"Unable to create/update fields: {_fields[Ordinal(field)]}.", [_fields[Ordinal(field)]]);
                }
            }
            return null;
        }

        private static Refusal MissingFields(string[] fields) =>
            new(400, "REQUIRED_FIELD_MISSING", $"Required fields are missing: [{string.Join(", ", fields)}]", fields);

        private static readonly Refusal EntityIsDeleted = new(404, "ENTITY_IS_DELETED", "entity is deleted", []);

        private object?[] NewValues(IReadOnlyDictionary<string, object?> fields, string? ownerId)
        {
            var values = new object?[_fields.Count];
            foreach (var (field, value) in _defaults)
            {
                values[Ordinal(field)] = value;
            }
            if (ownerId is not null && _ordinals.TryGetValue("OwnerId", out var owner))
            {
                values[owner] = ownerId;
            }
            foreach (var (field, value) in fields)
            {
                values[Ordinal(field)] = value;
            }
            values[IsDeletedField] = values[IsDeletedField] is true ? True : False;
            return values;
        }

        private object?[] Copy(SObjectRecord record)
        {
            var values = new object?[_fields.Count];
            record.Values.CopyTo(values, 0);
            return values;
        }

        private object?[] Grow(object?[] values)
        {
            if (values.Length < _fields.Count)
            {
                Array.Resize(ref values, _fields.Count);
            }
            return values;
        }

        private string Insert(object?[] values, DateTimeOffset stamp, bool isDeleted)
        {
            var id = SalesforceId(_prefix, ++_count);
            values[IdField] = id;
            Store(new SObjectRecord(id, stamp.UtcTicks, isDeleted, Stamped(values, stamp, isDeleted)));
            return id;
        }

        private void Replace(SObjectRecord current, object?[] values, DateTimeOffset stamp, bool isDeleted)
        {
            current.Replaced = true;
            _replaced++;
            Store(new SObjectRecord(current.Id, stamp.UtcTicks, isDeleted, Stamped(values, stamp, isDeleted)));
        }

        private object?[] Stamped(object?[] values, DateTimeOffset stamp, bool isDeleted)
        {
            if (values[SystemModstampField] is not DateTimeOffset stamped || stamped != stamp)
            {
                values[SystemModstampField] = stamp;
            }
            values[IsDeletedField] = isDeleted ? True : False;
            return values;
        }

        private void Store(SObjectRecord record)
        {
            if (_ordered.Count > 0 && SObjectRecord.Compare(_ordered[^1], record) > 0)
            {
                _sorted = false;
            }
            _ordered.Add(record);
            _byId[record.Id] = record;
        }

        private static DateTimeOffset? Timestamp(object? value) => value switch
        {
            DateTimeOffset t => new DateTimeOffset(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero),
            DateTime t => Timestamp(new DateTimeOffset(t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t.ToUniversalTime())),
            _ => null,
        };
    }
}
