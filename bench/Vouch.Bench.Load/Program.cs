using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

// vouch-load --base URL --rate R --duration SECONDS --tokens FILE (--get PATHS_FILE | --vote IDS_FILE) [--warmup SECONDS] [--seed N]
//
// --get: GET each path of the file in turn (one bearer token for all).
// --vote: POST /api/v1/ideas/{id}/votes for a random idea of the file, each time as a different voter: the tokens of the
//         file are used one after another, and each voter gets a random idea, so every vote is a new one. The ideas are
//         drawn with a new seed each run unless --seed is given: a run that repeated an earlier run's draws would only
//         repeat votes already cast, which change nothing.
// Prints one line: requests, errors, the achieved rate and the p50, p95, p99 and maximum latency in milliseconds.
var options = Options.Parse(args);
var tokens = File.ReadAllLines(options.TokensFile).Where(t => t.Length > 0).ToArray();
var targets = File.ReadAllLines(options.TargetsFile).Where(t => t.Length > 0).ToArray();
if (tokens.Length == 0 || targets.Length == 0)
{
    Console.Error.WriteLine("The tokens file and the targets file must not be empty.");
    return 1;
}

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    BaseAddress = new Uri(options.BaseUrl),
    Timeout = TimeSpan.FromSeconds(30),
};
var random = new Random(options.Seed ?? Random.Shared.Next());
var next = 0;

HttpRequestMessage NextRequest()
{
    var n = next++;
    if (options.Vote)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/ideas/{targets[random.Next(targets.Length)]}/votes");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[n % tokens.Length]);
        return request;
    }
    var get = new HttpRequestMessage(HttpMethod.Get, targets[n % targets.Length]);
    get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[0]);
    return get;
}

async Task<(List<double> Latencies, int Errors, TimeSpan Elapsed)> RunAsync(double seconds)
{
    var count = (int)(seconds * options.Rate);
    var latencies = new double[count];
    var failed = new bool[count];
    var clock = Stopwatch.StartNew();
    var running = new List<Task>(count);
    for (var i = 0; i < count; i++)
    {
        // Sleeps until the request is due rather than spinning: on a machine with two cores a spinning client would
        // take the processor time the server under test needs. A request can leave up to a timer tick late, so its
        // latency is counted from when it left, and the achieved rate is reported.
        var wait = TimeSpan.FromSeconds(i / options.Rate) - clock.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
        var index = i;
        var request = NextRequest();
        var sent = clock.Elapsed;
        running.Add(Task.Run(async () =>
        {
            try
            {
                using var response = await http.SendAsync(request);
                await response.Content.LoadIntoBufferAsync();
                failed[index] = !response.IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                failed[index] = true;
            }
            latencies[index] = (clock.Elapsed - sent).TotalMilliseconds;
        }));
    }
    await Task.WhenAll(running);
    return ([.. latencies], failed.Count(f => f), clock.Elapsed);
}

if (options.WarmupSeconds > 0)
{
    await RunAsync(options.WarmupSeconds);
}
var (measured, errors, elapsed) = await RunAsync(options.DurationSeconds);
measured.Sort();
double Percentile(double p) => measured[Math.Min(measured.Count - 1, (int)Math.Ceiling(p / 100 * measured.Count) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"requests={measured.Count} errors={errors} rate={measured.Count / elapsed.TotalSeconds:F1}/s p50={Percentile(50):F2} p95={Percentile(95):F2} p99={Percentile(99):F2} max={measured[^1]:F2}"));
return errors == 0 ? 0 : 2;

internal sealed record Options(string BaseUrl, double Rate, double DurationSeconds, double WarmupSeconds, string TokensFile, string TargetsFile, bool Vote, int? Seed)
{
    public static Options Parse(string[] args)
    {
        string Value(string name, string? fallback = null)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1]
                : fallback ?? throw new ArgumentException($"{name} is required.");
        }
        var vote = args.Contains("--vote");
        return new Options(
            Value("--base"),
            double.Parse(Value("--rate"), CultureInfo.InvariantCulture),
            double.Parse(Value("--duration", "30"), CultureInfo.InvariantCulture),
            double.Parse(Value("--warmup", "5"), CultureInfo.InvariantCulture),
            Value("--tokens"),
            vote ? Value("--vote") : Value("--get"),
            vote,
            args.Contains("--seed") ? int.Parse(Value("--seed"), CultureInfo.InvariantCulture) : null);
    }
}
