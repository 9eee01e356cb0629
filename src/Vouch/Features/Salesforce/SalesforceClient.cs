using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Vouch.Features.Salesforce;

/// <summary>
/// What Salesforce answered when it refused a call: its error code (<c>REQUEST_LIMIT_EXCEEDED</c>,
/// <c>REQUIRED_FIELD_MISSING</c>, <c>invalid_grant</c>…), its message and the fields it named.
/// </summary>
public sealed class SalesforceException(HttpStatusCode status, string errorCode, string message, IReadOnlyList<string>? fields = null)
    : Exception($"{errorCode}: {message}")
{
    public HttpStatusCode Status { get; } = status;
    public string ErrorCode { get; } = errorCode;
    public string Reason { get; } = message;
    public IReadOnlyList<string> Fields { get; } = fields ?? [];

    /// <summary>The org has used its API requests for the last 24 hours: nothing will work until some are given back.</summary>
    public bool IsLimitExceeded => ErrorCode == "REQUEST_LIMIT_EXCEEDED";
}

/// <summary>One page of a query: how many records the query has in all, and this page's records with their fields as text.</summary>
public sealed record SalesforcePage(int TotalSize, IReadOnlyList<IReadOnlyDictionary<string, string?>> Records);

/// <summary>
/// Salesforce's REST API as the sync needs it: a token by the JWT bearer or client credentials flow, kept until
/// Salesforce says the session ended; SOQL queries read page by page through <c>nextRecordsUrl</c>; records created.
/// Calls go through the "salesforce" HTTP client, which times out, retries reads and opens a circuit after repeated
/// failure. One instance per app, so the token is shared.
/// </summary>
public sealed class SalesforceClient(IHttpClientFactory clients, SalesforceSettings settings, TimeProvider clock)
{
    public const string HttpClientName = "salesforce";

    private readonly SemaphoreSlim _signIn = new(1, 1);
    private Session? _session;
    private int _apiCalls;

    private sealed record Session(string AccessToken, Uri InstanceUrl);

    /// <summary>Calls made to the API since the app started.</summary>
    public int ApiCalls => _apiCalls;

    /// <summary>The org's API requests used and allowed in the last 24 hours, as Salesforce's last answer said ("1204/15000").</summary>
    public string? ApiUsage { get; private set; }

    /// <summary>
    /// The records of a SOQL query, a page at a time as Salesforce sends them. With <paramref name="includeDeleted"/>
    /// the query runs as <c>queryAll</c>, so records in the recycle bin come too, with <c>IsDeleted</c> true.
    /// </summary>
    public async IAsyncEnumerable<SalesforcePage> QueryAsync(string soql, bool includeDeleted, [EnumeratorCancellation] CancellationToken ct)
    {
        Task<(SalesforcePage Page, string? Next)>? reading = ReadAsync($"/services/data/{settings.ApiVersion}/{(includeDeleted ? "queryAll" : "query")}?q={Uri.EscapeDataString(soql)}", ct);
        try
        {
            while (reading is not null)
            {
                var (page, next) = await reading;
                // The next page is read while the caller saves this one, so reading adds nothing to a long pull.
                reading = next is null ? null : ReadAsync(next, ct);
                yield return page;
            }
        }
        finally
        {
            if (reading is not null)
            {
                // A caller that stops early leaves a read under way: it is let finish, and what it found is dropped.
                await reading.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }

    private Task<(SalesforcePage Page, string? Next)> ReadAsync(string path, CancellationToken ct) =>
        SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Sforce-Query-Options", $"batchSize={settings.PageSize}");
            return request;
        }, ReadPageAsync, ct);

    /// <summary>Creates a record of <paramref name="sObject"/> and returns its id.</summary>
    public async Task<string> CreateAsync(string sObject, IReadOnlyDictionary<string, object?> fields, CancellationToken ct)
    {
        var created = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, $"/services/data/{settings.ApiVersion}/sobjects/{Uri.EscapeDataString(sObject)}/")
            {
                Content = JsonContent.Create(fields),
            },
            async (response, token) => await response.Content.ReadFromJsonAsync<CreateResult>(token), ct);
        return created?.Id ?? throw new SalesforceException(HttpStatusCode.OK, "UNKNOWN", "Salesforce created the record but sent no id.");
    }

    private sealed record CreateResult(string? Id, bool Success);

    /// <summary>Signs in anew, so an admin sees at once whether the connection works as configured now.</summary>
    public async Task CheckAsync(CancellationToken ct) => await SignInAsync(_session, ct);

    /// <summary>
    /// Sends a call with the session's token. When Salesforce says the session ended, signs in again and sends it once
    /// more; every other refusal is thrown as a <see cref="SalesforceException"/>.
    /// </summary>
    private async Task<T> SendAsync<T>(Func<HttpRequestMessage> build, Func<HttpResponseMessage, CancellationToken, Task<T>> read, CancellationToken ct)
    {
        var session = _session ?? await SignInAsync(null, ct);
        for (var attempt = 1; ; attempt++)
        {
            using var request = build();
            request.RequestUri = new Uri(session.InstanceUrl, request.RequestUri!);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.AccessToken);
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            Interlocked.Increment(ref _apiCalls);
            if (response.Headers.TryGetValues("Sforce-Limit-Info", out var limits) && limits.FirstOrDefault() is { } usage)
            {
                ApiUsage = usage.Replace("api-usage=", "", StringComparison.Ordinal);
            }
            if (response.IsSuccessStatusCode)
            {
                return await read(response, ct);
            }
            var error = await ReadErrorAsync(response, ct);
            if (error.ErrorCode == "INVALID_SESSION_ID" && attempt == 1)
            {
                session = await SignInAsync(session, ct);
                continue;
            }
            throw error;
        }
    }

    /// <summary>Asks for a token, unless another call already replaced the <paramref name="expired"/> one (or, with none expired, got one).</summary>
    private async Task<Session> SignInAsync(Session? expired, CancellationToken ct)
    {
        await _signIn.WaitAsync(ct);
        try
        {
            if (_session is { } current && current != expired)
            {
                return current;
            }
            var form = settings.Flow == SalesforceFlow.JwtBearer
                ? new Dictionary<string, string>
                {
                    ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer",
                    ["assertion"] = Assertion(),
                }
                : new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = settings.ClientId!,
                    ["client_secret"] = settings.ClientSecret!,
                };
            using var content = new FormUrlEncodedContent(form);
            using var response = await clients.CreateClient(HttpClientName).PostAsync(new Uri(settings.LoginUrl!, "/services/oauth2/token"), content, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var token = Json<TokenResponse>(body);
            if (!response.IsSuccessStatusCode || token?.AccessToken is null || token.InstanceUrl is null)
            {
                throw new SalesforceException(response.StatusCode, token?.Error ?? "invalid_grant",
                    token?.ErrorDescription ?? $"Salesforce refused the sign-in with {(int)response.StatusCode}.");
            }
            return _session = new Session(token.AccessToken, new Uri(token.InstanceUrl));
        }
        finally
        {
            _signIn.Release();
        }
    }

    /// <summary>
    /// The JWT bearer flow's assertion: issued by the connected app for the user, meant for the login server, valid for
    /// the three minutes Salesforce allows, signed with the certificate's private key.
    /// </summary>
    private string Assertion()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.ClientId,
            Audience = settings.LoginUrl!.GetLeftPart(UriPartial.Authority),
            Subject = new ClaimsIdentity([new Claim("sub", settings.Username!)]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(3),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(settings.PrivateKey), SecurityAlgorithms.RsaSha256),
        });
    }

    private sealed record TokenResponse(
        [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string? AccessToken,
        [property: System.Text.Json.Serialization.JsonPropertyName("instance_url")] string? InstanceUrl,
        [property: System.Text.Json.Serialization.JsonPropertyName("error")] string? Error,
        [property: System.Text.Json.Serialization.JsonPropertyName("error_description")] string? ErrorDescription);

    /// <summary>Salesforce's REST errors are a list of <c>{ message, errorCode, fields }</c>; the first is the one to report.</summary>
    private static async Task<SalesforceException> ReadErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        var errors = Json<List<RestError>>(body);
        return errors is [var first, ..]
            ? new SalesforceException(response.StatusCode, first.ErrorCode ?? "UNKNOWN", first.Message ?? "", first.Fields)
            : new SalesforceException(response.StatusCode, response.StatusCode.ToString(), $"Salesforce answered {(int)response.StatusCode}.");
    }

    private sealed record RestError(string? Message, string? ErrorCode, List<string>? Fields);

    private static T? Json<T>(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    /// <summary>Reads a page of records, each field's value as the text an export file would hold.</summary>
    private static async Task<(SalesforcePage Page, string? Next)> ReadPageAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
        var root = document.RootElement;
        var records = new List<IReadOnlyDictionary<string, string?>>();
        foreach (var record in root.GetProperty("records").EnumerateArray())
        {
            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var field in record.EnumerateObject())
            {
                if (field.Name != "attributes")
                {
                    values[field.Name] = Text(field.Value);
                }
            }
            records.Add(values);
        }
        var next = root.TryGetProperty("nextRecordsUrl", out var url) && url.ValueKind == JsonValueKind.String ? url.GetString() : null;
        return (new SalesforcePage(root.GetProperty("totalSize").GetInt32(), records), next);
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.String => DateTime(value.GetString()!),
        _ => value.GetRawText(),
    };

    /// <summary>
    /// Salesforce writes date-times as <c>2026-12-04T10:00:00.000+0000</c>; they are read as UTC in ISO 8601
    /// (<c>…Z</c>), as the importer reads dates.
    /// </summary>
    private static string DateTime(string text) =>
        text.Length == 28 && text[10] == 'T' && text[23] is '+' or '-'
            && DateTimeOffset.TryParseExact(text.Insert(26, ":"), "yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? Soql.DateTime(at)
            : text;
}
