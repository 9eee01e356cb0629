using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

// vouch-bench-webhooks --base URL --token ADMIN_TOKEN [--events 10000] [--rate 200] [--subscribers 5] [--ideas 200] [--drain 120]
//
// Subscribes a receiver on 127.0.0.1 --subscribers times to idea.status-changed, posts --ideas ideas, then changes their
// statuses --events times at --rate a second, each change one event. Every delivery's latency is the time from the
// event's timestamp (when its change was saved) to its arrival. Prints one line: events, deliveries expected and
// received, repeats, and the p50, p95, p99 and maximum latency in milliseconds; then deletes its subscriptions.
var options = new Dictionary<string, string>();
for (var i = 0; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}
string Option(string name, string fallback) => options.GetValueOrDefault(name, fallback);
var baseUrl = options.GetValueOrDefault("base") ?? throw new ArgumentException("--base is required");
var token = options.GetValueOrDefault("token") ?? throw new ArgumentException("--token is required");
var events = int.Parse(Option("events", "10000"), CultureInfo.InvariantCulture);
var rate = double.Parse(Option("rate", "200"), CultureInfo.InvariantCulture);
var subscribers = int.Parse(Option("subscribers", "5"), CultureInfo.InvariantCulture);
var ideaCount = int.Parse(Option("ideas", "200"), CultureInfo.InvariantCulture);
var drain = TimeSpan.FromSeconds(double.Parse(Option("drain", "120"), CultureInfo.InvariantCulture));

var latencies = new ConcurrentBag<double>();
var seen = new ConcurrentDictionary<string, byte>();
var repeats = 0;
var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.ClearProviders();
var receiver = builder.Build();
receiver.MapPost("/s/{n:int}", async (int n, HttpRequest request) =>
{
    var arrived = DateTimeOffset.UtcNow;
    using var body = await JsonDocument.ParseAsync(request.Body);
    var at = body.RootElement.GetProperty("timestamp").GetDateTimeOffset();
    if (!seen.TryAdd($"{n}:{request.Headers["webhook-id"]}", 0))
    {
        Interlocked.Increment(ref repeats);
        return Results.Ok();
    }
    latencies.Add((arrived - at).TotalMilliseconds);
    return Results.Ok();
});
await receiver.StartAsync();
var receiverUrl = receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

using var api = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

var subscriptions = new List<Guid>();
for (var n = 0; n < subscribers; n++)
{
    using var created = await api.PostAsJsonAsync("/api/v1/webhooks",
        new { name = $"Fan-out {n + 1}", url = $"{receiverUrl}/s/{n}", events = new[] { "idea.status-changed" } });
    created.EnsureSuccessStatusCode();
    subscriptions.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subscription").GetProperty("id").GetGuid());
}
var ideas = new List<Guid>();
for (var n = 0; n < ideaCount; n++)
{
    using var posted = await api.PostAsJsonAsync("/api/v1/ideas", new { title = $"Fan-out idea {n} {Guid.NewGuid():N}", description = "Changes status for the webhook benchmark." });
    posted.EnsureSuccessStatusCode();
    ideas.Add((await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
}

// Each idea moves between two statuses, so every change is a change; an idea's next change is due long after its last.
var statuses = new[] { "UnderReview", "Planned" };
var failed = 0;
var clock = Stopwatch.StartNew();
var running = new List<Task>(events);
for (var n = 0; n < events; n++)
{
    var due = TimeSpan.FromSeconds(n / rate);
    if (due > clock.Elapsed)
    {
        await Task.Delay(due - clock.Elapsed);
    }
    var (idea, status) = (ideas[n % ideas.Count], statuses[n / ideas.Count % 2]);
    running.Add(Task.Run(async () =>
    {
        try
        {
            using var changed = await api.PostAsJsonAsync($"/api/v1/ideas/{idea}/status", new { status });
            if (!changed.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failed);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // A change that got no answer in 30 s counts as failed (its event may still have been saved) rather than ending the run.
            Interlocked.Increment(ref failed);
        }
    }));
}
await Task.WhenAll(running);
var sent = clock.Elapsed;
var expected = (events - failed) * subscribers;
while (latencies.Count < expected && clock.Elapsed < sent + drain)
{
    await Task.Delay(100);
}
var drained = clock.Elapsed - sent;

foreach (var id in subscriptions)
{
    (await api.DeleteAsync($"/api/v1/webhooks/{id}")).Dispose();
}
await receiver.StopAsync();

var sorted = latencies.Order().ToArray();
double Percentile(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"events={events} failed={failed} rate={events / sent.TotalSeconds:0.0} subscribers={subscribers} expected={expected} received={sorted.Length} repeats={repeats} " +
    $"p50={Percentile(0.50):0.0} p95={Percentile(0.95):0.0} p99={Percentile(0.99):0.0} max={Percentile(1):0.0} drained_after={drained.TotalSeconds:0.0}s"));
return sorted.Length == expected ? 0 : 1;
