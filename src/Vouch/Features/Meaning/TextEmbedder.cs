using System.Diagnostics;
using SentenceTransformers;

namespace Vouch.Features.Meaning;

/// <summary>
/// Embeds text with the sentence model (<see cref="SentenceModel"/>) for the features that compare text by meaning.
/// When the model cannot load (or <c>Meaning:Enabled</c> is false) Vouch goes on without it: <c>Embed</c>
/// answers null, the features rank by words alone, the log says why once, and <c>/health</c> reports the meaning
/// check as degraded with the reason.
/// </summary>
public sealed partial class TextEmbedder(Func<ISentenceEncoder> load, ILogger<TextEmbedder> logger)
{
    private readonly Lock _gate = new();
    private ISentenceEncoder? _encoder;
    private string? _failure;
    private ModelLoad? _load;

    /// <summary>Whether the model has been loaded, has failed to, or has not been asked for yet.</summary>
    public ModelState State
    {
        get
        {
            lock (_gate)
            {
                return _encoder is not null ? ModelState.Loaded : _failure is not null ? ModelState.Failed : ModelState.NotLoaded;
            }
        }
    }

    /// <summary>Why the model is not there, once it failed to load.</summary>
    public string? Failure
    {
        get
        {
            lock (_gate)
            {
                return _failure;
            }
        }
    }

    /// <summary>What loading the model cost this process, once it is loaded.</summary>
    public ModelLoad? Load
    {
        get
        {
            lock (_gate)
            {
                return _load;
            }
        }
    }

    /// <summary>The embedding of each text (cut to <see cref="SentenceModel.MaxCharacters"/>), or null without the model.</summary>
    public float[][]? Embed(IReadOnlyList<string> texts, CancellationToken ct = default)
    {
        if (Encoder() is not { } encoder)
        {
            return null;
        }
        return texts.Count == 0 ? [] : encoder.Encode([.. texts.Select(SentenceModel.Cut)], ct);
    }

    public float[]? Embed(string text, CancellationToken ct = default) => Embed([text], ct)?[0];

    private ISentenceEncoder? Encoder()
    {
        lock (_gate)
        {
            if (_encoder is not null || _failure is not null)
            {
                return _encoder;
            }
            try
            {
                var before = ProcessMemory();
                var clock = Stopwatch.StartNew();
                _encoder = load();
                _encoder.Encode(["warm"]);
                _load = new ModelLoad(clock.Elapsed, Math.Max(0, ProcessMemory() - before));
                LogLoaded(SentenceModel.Name, _load.Took.TotalSeconds, _load.Bytes / (1024 * 1024));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _failure = $"The sentence model could not load ({e.GetType().Name}: {e.Message}); text is compared by its words only.";
                LogUnavailable(e, _failure);
            }
            return _encoder;
        }
    }

    // The process's own memory, not shared pages: the model's weights and ONNX Runtime's buffers land here.
    private static long ProcessMemory()
    {
        using var process = Process.GetCurrentProcess();
        return process.PrivateMemorySize64;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded the sentence model {Model} in {Seconds:0.0} s; the process grew by {Megabytes} MB")]
    private partial void LogLoaded(string model, double seconds, long megabytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Failure}")]
    private partial void LogUnavailable(Exception exception, string failure);
}

public enum ModelState { NotLoaded, Loaded, Failed }

/// <summary>
/// How long the model took to load and run once, and how much the process's private memory grew meanwhile: measured
/// around the load, so other work in the process at that moment is counted too.
/// </summary>
public sealed record ModelLoad(TimeSpan Took, long Bytes)
{
    public string Summary => $"{SentenceModel.Name} loaded in {Took.TotalSeconds:0.0} s; the process grew by {Bytes / (1024 * 1024)} MB";
}
