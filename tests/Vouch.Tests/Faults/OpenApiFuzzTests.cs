using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vouch.Auth;
using Vouch.Features.Users;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Faults;

/// <summary>
/// Bad requests survived: requests generated from the OpenAPI document (see <see cref="OpenApiFuzzer"/>) to every
/// operation, from nobody, a token nobody issued and a user of each role, against the app on a real Kestrel server.
/// None may fail with a 5xx, and every 4xx is problem details with its status and a title. The run is as long as
/// <c>VOUCH_FUZZ_REQUESTS</c> (1,500 here, 10,000 and more from bench/faults/fuzz.sh) and repeats with
/// <c>VOUCH_FUZZ_SEED</c>. A caller of a role that the run itself disabled, deleted, demoted or whose token it revoked
/// is replaced by a fresh user of that role, so a long run keeps reaching past authentication to the endpoints.
/// </summary>
public sealed class OpenApiFuzzTests(VouchApp.OnKestrel app) : IClassFixture<VouchApp.OnKestrel>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Larger than an endpoint may take: the server may refuse it before it has all of it.</summary>
    private const int LargeBody = 64 * 1024;

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) ? value : fallback;

    [Fact]
    public async Task Generated_requests_to_every_operation_get_no_5xx_and_every_4xx_is_problem_details()
    {
        var size = Setting("VOUCH_FUZZ_REQUESTS", 1_500);
        var seed = Setting("VOUCH_FUZZ_SEED", 20261205);
        var callers = new List<FuzzCaller> { new("nobody", null), new("an unknown token", "vouch_" + new string('q', 43)) };
        foreach (var role in Roles.All)
        {
            callers.Add(await NewCallerAsync(role));
        }
        JsonObject document;
        using (var reader = await app.ClientForAsync(Roles.Admin))
        {
            document = JsonNode.Parse(await reader.GetStringAsync("/openapi/v1.json", Ct))!.AsObject();
        }
        var fuzzer = new OpenApiFuzzer(document, callers, seed);
        using var client = app.AnonymousClient();

        var counts = new SortedDictionary<int, int>();
        var failures = new List<string>();
        var replaced = 0;
        for (var i = 0; i < size; i++)
        {
            var request = fuzzer.Next(i);
            using var message = request.ToMessage();
            HttpResponseMessage response;
            // A body the server may refuse part way goes on a connection of its own, which the refusal closes.
            using var own = request.Body?.Length > LargeBody ? app.AnonymousClient() : null;
            try
            {
                response = await (own ?? client).SendAsync(message, Ct);
            }
            catch (HttpRequestException e) when (e.InnerException is IOException && request.Body?.Length > LargeBody)
            {
                // The server answered 413 and closed the connection before the client had sent the whole body.
                counts[0] = counts.GetValueOrDefault(0) + 1;
                continue;
            }
            catch (HttpRequestException e)
            {
                failures.Add($"#{i} {request}\n    → no answer: {e.InnerException?.Message ?? e.Message}");
                continue;
            }
            using var _ = response;
            var body = await response.Content.ReadAsStringAsync(Ct);
            var status = (int)response.StatusCode;
            counts[status] = counts.GetValueOrDefault(status) + 1;
            if (Failure(response, body) is { } failure)
            {
                failures.Add($"#{i} {request}\n    → {status} {response.Content.Headers.ContentType}: {(body.Length > 400 ? body[..400] : body)}\n    ({failure})");
            }
            else if (response.IsSuccessStatusCode)
            {
                fuzzer.Learn(body);
            }
            if (status is 401 or 403 && request.Caller.Role is { } role && !await StillWorksAsync(client, request.Caller))
            {
                fuzzer.Replace(request.Caller, await NewCallerAsync(role));
                replaced++;
            }
        }

        var summary = $"{size:N0} requests to {fuzzer.OperationCount} operations, seed {seed}: " +
            string.Join(", ", counts.Select(c => $"{(c.Key == 0 ? "closed before the whole body was sent" : c.Key)}: {c.Value:N0}")) +
            $"; callers replaced after the run disabled, deleted or demoted them: {replaced:N0}";
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        Assert.True(failures.Count == 0, $"{failures.Count} of {summary}\n{string.Join('\n', failures.Take(25))}");
    }

    private async Task<FuzzCaller> NewCallerAsync(string role) => new(role, await app.CreateTokenAsync((await app.AddUserAsync(role)).Id), role);

    /// <summary>Whether the caller's token still signs in a user who still has the caller's role.</summary>
    private static async Task<bool> StillWorksAsync(HttpClient client, FuzzCaller caller)
    {
        using var me = new FuzzRequest("GET", "/api/v1/me", caller, null, null).ToMessage();
        using var response = await client.SendAsync(me, Ct);
        return response.IsSuccessStatusCode
            && (await response.Content.ReadFromJsonAsync<MeResponse>(Ct))!.Roles.Contains(caller.Role);
    }

    /// <summary>What is wrong with an answer, or null: a 5xx, or a 4xx that is not problem details of its status.</summary>
    private static string? Failure(HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return "a server error";
        }
        if (status < 400)
        {
            return null;
        }
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return "an error that is not problem details";
        }
        try
        {
            using var problem = JsonDocument.Parse(body);
            var root = problem.RootElement;
            return root.TryGetProperty("status", out var s) && s.TryGetInt32(out var n) && n == status
                && root.TryGetProperty("title", out var title) && !string.IsNullOrWhiteSpace(title.GetString())
                ? null
                : "problem details without its status or a title";
        }
        catch (JsonException)
        {
            return "problem details that are not JSON";
        }
    }
}
