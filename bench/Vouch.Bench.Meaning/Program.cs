using System.Diagnostics;
using System.Globalization;
using CsvHelper;
using Microsoft.Extensions.Logging.Abstractions;
using Vouch.Features.Meaning;

// dotnet run -c Release --project bench/Vouch.Bench.Meaning -- [records=1000000] [queries=1000]
//
// 1. The model: each labelled idea text (tests/Vouch.Tests/Data/idea-pairs.csv) embedded alone, as a typed title is,
//    and all of them in batches of EmbeddingWriter.BatchSize, as stored ideas are.
// 2. The index: `records` vectors made from those embeddings (the sum of two texts' embeddings and noise, so the
//    vectors cluster by subject as a board's do, rather than spreading evenly as random vectors would), quantised
//    and added to Vouch's VectorIndex; the rate, and the process's memory before and after.
// 3. The answers: `queries` embedded texts, each asking for the 50 nearest (as similar ideas do), timed; 2,000
//    records' ten nearest among them (as likely duplicates are grouped); and for 100 queries the share of the true
//    ten nearest (by a scan of every vector) the index returns.
var records = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var queries = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000;
var root = FindRoot();
var texts = ReadTexts(Path.Combine(root, "tests/Vouch.Tests/Data/idea-pairs.csv"));
Console.WriteLine($"{texts.Count:N0} distinct labelled texts; {records:N0} vectors; {queries:N0} queries; {Environment.ProcessorCount} cores");

var before = PrivateMegabytes();
var embedder = new TextEmbedder(SentenceModel.Shared, NullLogger<TextEmbedder>.Instance);
embedder.Embed("warm up");
Console.WriteLine(embedder.Load!.Summary);

var alone = new List<double>();
foreach (var text in texts.Take(300))
{
    var clock = Stopwatch.StartNew();
    embedder.Embed(text);
    alone.Add(clock.Elapsed.TotalMilliseconds);
}
Console.WriteLine($"a typed text alone: median {Percentile(alone, 50):F1} ms, p95 {Percentile(alone, 95):F1} ms ({alone.Count} texts)");

var batched = Stopwatch.StartNew();
var embeddings = texts.Chunk(EmbeddingWriter.BatchSize).SelectMany(batch => embedder.Embed(batch)!).ToArray();
Console.WriteLine($"stored texts in batches of {EmbeddingWriter.BatchSize}: {embeddings.Length / batched.Elapsed.TotalSeconds:N0} a second " +
    $"(a million in {1_000_000 / (embeddings.Length / batched.Elapsed.TotalSeconds) / 3600:F1} h on this machine)");

var random = new Random(29);
var vectors = new sbyte[records][];
for (var i = 0; i < records; i++)
{
    vectors[i] = Embeddings.Quantize(Mix(embeddings[random.Next(embeddings.Length)], embeddings[random.Next(embeddings.Length)], random));
}
var ids = Enumerable.Range(0, records).Select(_ => Guid.CreateVersion7()).ToArray();
var (managedBefore, privateBefore) = Memory();

using var index = new VectorIndex();
var now = DateTimeOffset.UtcNow;
var adding = Stopwatch.StartNew();
for (var i = 0; i < records; i++)
{
    index.Upsert(ids[i], vectors[i], now);
    if ((i + 1) % 100_000 == 0)
    {
        Console.WriteLine($"  {i + 1,10:N0} added, {(i + 1) / adding.Elapsed.TotalSeconds:N0} a second");
    }
}
var (managedAfter, privateAfter) = Memory();
// Memory the index holds on the managed heap, and any it holds outside it.
var managed = managedAfter - managedBefore;
var native = privateAfter - managedAfter - (privateBefore - managedBefore);
Console.WriteLine($"index: {records:N0} added in {adding.Elapsed.TotalSeconds:N1} s ({records / adding.Elapsed.TotalSeconds:N0} a second); " +
    $"it holds {managed + native:N0} MB ({managed:N0} MB managed, {native:N0} MB native); the process at {privateAfter:N0} MB " +
    $"({before:N0} MB before the model, {privateBefore:N0} MB with the model and this program's own copy of the vectors)");

var asked = new List<double>();
var askedTexts = Enumerable.Range(0, queries).Select(i => texts[(i * 7) % texts.Count]).ToList();
var queryVectors = askedTexts.Select(t => Mix(embedder.Embed(t)!, embedder.Embed(t)!, random)).ToList();
foreach (var query in queryVectors)
{
    var clock = Stopwatch.StartNew();
    index.Nearest(query, 50);
    asked.Add(clock.Elapsed.TotalMilliseconds);
}
Console.WriteLine($"50 nearest: median {Percentile(asked, 50):F2} ms, p95 {Percentile(asked, 95):F2} ms ({asked.Count} queries)");

// Likely duplicates: a board's 2,000 most voted ideas, each with its ten nearest among them.
var grouping = Stopwatch.StartNew();
index.NearestAmong(ids.Take(2_000), 10);
Console.WriteLine($"2,000 records' ten nearest among them: {grouping.Elapsed.TotalMilliseconds:N0} ms");

var found = 0;
foreach (var query in queryVectors.Take(100))
{
    var quantised = Embeddings.Quantize(query);
    var truth = Enumerable.Range(0, records)
        .Select(i => (i, Cosine: Embeddings.Cosine(quantised, vectors[i])))
        .OrderByDescending(p => p.Cosine).Take(10).Select(p => ids[p.i]).ToHashSet();
    found += index.Nearest(query, 10).Count(n => truth.Contains(n.Record));
}
Console.WriteLine($"recall of the true ten nearest: {found / 1000.0:P1} (100 queries)");

static float[] Mix(float[] a, float[] b, Random random)
{
    var mixed = new float[a.Length];
    for (var i = 0; i < a.Length; i++)
    {
        mixed[i] = a[i] + 0.5f * b[i] + 0.03f * (float)(random.NextDouble() * 2 - 1);
    }
    var length = MathF.Sqrt(mixed.Sum(v => v * v));
    return [.. mixed.Select(v => v / length)];
}

static double Percentile(List<double> values, int percent)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1)];
}

static long PrivateMegabytes()
{
    using var process = Process.GetCurrentProcess();
    return process.PrivateMemorySize64 / (1024 * 1024);
}

// The managed heap's committed bytes and the process's private bytes, in MB, after a full collection.
static (long Managed, long Private) Memory()
{
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    GC.WaitForPendingFinalizers();
    var managed = GC.GetGCMemoryInfo().TotalCommittedBytes / (1024 * 1024);
    return (managed, PrivateMegabytes());
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Vouch.slnx")))
        {
            return dir.FullName;
        }
    }
    throw new DirectoryNotFoundException("Run from inside the repository: Vouch.slnx was not found above the program.");
}

static List<string> ReadTexts(string path)
{
    using var csv = CsvReader.FromFile(path, new CsvReaderOptions { NullValues = [""] });
    var texts = new HashSet<string>(StringComparer.Ordinal);
    foreach (var row in csv.GetRecords<PairRow>())
    {
        texts.Add(EmbeddingWriter.TextOf(row.FirstTitle, row.FirstDescription));
        texts.Add(EmbeddingWriter.TextOf(row.SecondTitle, row.SecondDescription));
    }
    return [.. texts];
}

[CsvRecord]
internal sealed partial record PairRow(
    [CsvColumn("first_title")] string FirstTitle,
    [CsvColumn("first_description")] string? FirstDescription,
    [CsvColumn("second_title")] string SecondTitle,
    [CsvColumn("second_description")] string? SecondDescription,
    [CsvColumn("duplicate")] bool Duplicate);
