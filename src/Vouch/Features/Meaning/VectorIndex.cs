using Cloud.Unum.USearch;

namespace Vouch.Features.Meaning;

/// <summary>
/// The nearest neighbours of a text among the stored embeddings of one kind, in this process's memory: an HNSW graph
/// (USearch) over vectors kept as signed bytes, so a million ideas take about 400 MB for the vectors and 100 MB for
/// the graph. The database stays the record: <see cref="VectorIndexSync"/> loads the index on start and applies what
/// any instance stored since, so every instance answers alike within seconds. Thread-safe; each call holds the index
/// for well under a millisecond.
/// </summary>
public sealed class VectorIndex : IDisposable
{
    // Links per node and the breadth of the search while adding and while searching: USearch's defaults, which find
    // the true nearest neighbour for more than 99 % of queries at a million vectors (bench/README.md).
    private const ulong Connectivity = 16;
    private const ulong ExpansionAdd = 128;
    private const ulong ExpansionSearch = 64;

    private readonly Lock _gate = new();
    private readonly USearchIndex _index = new(MetricKind.Cos, ScalarKind.Int8, SentenceModel.Dimensions, Connectivity, ExpansionAdd, ExpansionSearch, false);

    // USearch knows records by a number: a new one for every vector added, so a changed text never meets its old
    // vector's key. The record and the version of its vector for each key in use, and the key of each record.
    private readonly Dictionary<Guid, (ulong Key, DateTimeOffset ComputedAt)> _keys = [];
    private readonly Dictionary<ulong, Guid> _records = [];
    private ulong _nextKey;

    // The key of a record whose text was erased: in no graph.
    private const ulong NoKey = ulong.MaxValue;

    /// <summary>How many records the index holds a vector of.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _records.Count;
            }
        }
    }

    /// <summary>
    /// Adds the record's vector, or replaces the one it has when <paramref name="computedAt"/> is newer; false when the
    /// index already had this version or a newer one. A vector of zeros (a text erased) takes the record out.
    /// </summary>
    public bool Upsert(Guid record, sbyte[] vector, DateTimeOffset computedAt)
    {
        ArgumentNullException.ThrowIfNull(vector);
        lock (_gate)
        {
            if (_keys.TryGetValue(record, out var known))
            {
                if (known.ComputedAt >= computedAt)
                {
                    return false;
                }
                if (known.Key != NoKey)
                {
                    _index.Remove(known.Key);
                    _records.Remove(known.Key);
                }
            }
            if (!vector.AsSpan().ContainsAnyExcept((sbyte)0))
            {
                // Remembered with no key, so an older version read later does not bring it back.
                _keys[record] = (NoKey, computedAt);
                return true;
            }
            var key = _nextKey++;
            _index.Add(key, vector);
            _keys[record] = (key, computedAt);
            _records[key] = record;
            return true;
        }
    }

    /// <summary>The <paramref name="count"/> records nearest to <paramref name="query"/>, nearest first, with their cosine similarity.</summary>
    public IReadOnlyList<(Guid Record, double Cosine)> Nearest(float[] query, int count)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            if (_records.Count == 0)
            {
                return [];
            }
            var found = _index.Search(query, count, out var keys, out var distances);
            var nearest = new List<(Guid, double)>(found);
            for (var i = 0; i < found; i++)
            {
                if (_records.TryGetValue(keys[i], out var record))
                {
                    nearest.Add((record, 1 - distances[i]));
                }
            }
            return nearest;
        }
    }

    /// <summary>The <paramref name="count"/> records nearest to <paramref name="record"/>'s vector, itself left out; none when the index does not have it.</summary>
    public IReadOnlyList<(Guid Record, double Cosine)> NearestTo(Guid record, int count)
    {
        lock (_gate)
        {
            if (!_keys.TryGetValue(record, out var known) || known.Key == NoKey || _index.Get(known.Key, out sbyte[] vector) == 0)
            {
                return [];
            }
            var found = _index.Search(vector, count + 1, out var keys, out var distances);
            var nearest = new List<(Guid, double)>(found);
            for (var i = 0; i < found; i++)
            {
                if (keys[i] != known.Key && _records.TryGetValue(keys[i], out var other))
                {
                    nearest.Add((other, 1 - distances[i]));
                }
            }
            return nearest;
        }
    }

    /// <summary>The cosine similarity of <paramref name="query"/> and the record's vector; null when the index does not have it.</summary>
    public double? Cosine(Guid record, float[] query)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            if (!_keys.TryGetValue(record, out var known) || known.Key == NoKey || _index.Get(known.Key, out sbyte[] vector) == 0)
            {
                return null;
            }
            return Embeddings.Cosine(query, vector);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _index.Dispose();
        }
    }
}
