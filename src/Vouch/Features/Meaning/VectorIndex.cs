using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Vouch.Features.Meaning;

/// <summary>
/// The nearest neighbours of a text among the stored embeddings of one kind, in this process's memory. Each vector is
/// kept twice: as its 384 signs (48 bytes), which every search reads in full by how many signs differ from the
/// query's, and as signed bytes (<see cref="Embeddings"/>, 384 bytes), with which the few hundred closest by sign are
/// scored exactly. A million records take about 540 MB, are added in seconds, and a search reads 48 MB in about 3 ms.
/// The database stays the record: <see cref="VectorIndexSync"/> loads the index on start and applies what any instance
/// stored since, so every instance answers alike within seconds. Thread-safe: searches run side by side, a change
/// waits for them. docs/decisions/0029-meaning.md compares it with an HNSW graph.
/// </summary>
public sealed class VectorIndex : IDisposable
{
    private const int Dimensions = SentenceModel.Dimensions;
    private const int SignWords = Dimensions / 64; // six: the search reads them unrolled

    /// <summary>
    /// How many of the closest by sign are scored exactly, at least: ten times those asked for when that is more. At a
    /// million vectors made from the labelled ideas' embeddings this finds 92 % of the true ten nearest (bench/README.md).
    /// </summary>
    private const int RescoredAtLeast = 500;
    private const int RescoredPerAsked = 10;

    // Records live in slots, a chunk of slots at a time, so growing never copies what is there and never holds more
    // than one chunk unused. A slot freed by a record's removal is used again by the next one added.
    private const int ChunkSlots = 1 << 16;
    private readonly List<sbyte[]> _vectors = [];
    private readonly List<ulong[]> _signs = [];
    private readonly List<Guid[]> _owners = [];
    private readonly Stack<int> _free = new();
    private int _slots;

    // Each record's slot and the version of its vector (UTC ticks); a record whose text was erased has no slot, so an
    // older version read later does not bring it back.
    private const int NoSlot = -1;
    private readonly Dictionary<Guid, (int Slot, long ComputedAt)> _records = [];
    private int _count;

    private readonly ReaderWriterLockSlim _gate = new();

    /// <summary>How many records the index holds a vector of.</summary>
    public int Count
    {
        get
        {
            _gate.EnterReadLock();
            try
            {
                return _count;
            }
            finally
            {
                _gate.ExitReadLock();
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
        ArgumentOutOfRangeException.ThrowIfNotEqual(vector.Length, Dimensions, nameof(vector));
        var version = computedAt.UtcTicks;
        _gate.EnterWriteLock();
        try
        {
            var slot = NoSlot;
            if (_records.TryGetValue(record, out var known))
            {
                if (known.ComputedAt >= version)
                {
                    return false;
                }
                slot = known.Slot;
            }
            var erased = !vector.AsSpan().ContainsAnyExcept((sbyte)0);
            if (erased)
            {
                if (slot != NoSlot)
                {
                    Free(slot);
                }
                _records[record] = (NoSlot, version);
                return true;
            }
            if (slot == NoSlot)
            {
                slot = Take(record);
            }
            Write(slot, vector);
            _records[record] = (slot, version);
            return true;
        }
        finally
        {
            _gate.ExitWriteLock();
        }
    }

    /// <summary>The <paramref name="count"/> records nearest to <paramref name="query"/>, nearest first, with their cosine similarity.</summary>
    public IReadOnlyList<(Guid Record, double Cosine)> Nearest(float[] query, int count)
    {
        ArgumentNullException.ThrowIfNull(query);
        _gate.EnterReadLock();
        try
        {
            return Search(query, count);
        }
        finally
        {
            _gate.ExitReadLock();
        }
    }

    /// <summary>The cosine similarity of <paramref name="query"/> and the record's vector; null when the index does not have it.</summary>
    public double? Cosine(Guid record, float[] query)
    {
        ArgumentNullException.ThrowIfNull(query);
        _gate.EnterReadLock();
        try
        {
            return _records.TryGetValue(record, out var known) && known.Slot != NoSlot ? Embeddings.Cosine(query, VectorOf(known.Slot)) : null;
        }
        finally
        {
            _gate.ExitReadLock();
        }
    }

    /// <summary>
    /// For each of <paramref name="records"/> the index holds, the <paramref name="count"/> nearest among the others,
    /// nearest first: one scan of their signs per record, so a few thousand records are compared in a fraction of a
    /// second however large the index.
    /// </summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<(Guid Record, double Cosine)>> NearestAmong(IEnumerable<Guid> records, int count)
    {
        ArgumentNullException.ThrowIfNull(records);
        _gate.EnterReadLock();
        try
        {
            var slots = records.Select(r => _records.TryGetValue(r, out var known) ? known.Slot : NoSlot).Where(s => s != NoSlot).Distinct().ToArray();
            var nearest = new Dictionary<Guid, IReadOnlyList<(Guid Record, double Cosine)>>(slots.Length);
            foreach (var slot in slots)
            {
                var closest = new Closest(count * RescoredPerAsked);
                var signs = SignsAt(slot);
                foreach (var other in slots)
                {
                    if (other != slot)
                    {
                        closest.Offer(other, Differ(signs, SignsAt(other)));
                    }
                }
                nearest[OwnerOf(slot)] = Best(closest, other => Embeddings.Cosine(VectorOf(slot), VectorOf(other)), count);
            }
            return nearest;
        }
        finally
        {
            _gate.ExitReadLock();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>
    /// The nearest records: every slot's signs compared with the query's, then the closest few hundred scored by their
    /// signed bytes. Called under the read lock.
    /// </summary>
    private List<(Guid Record, double Cosine)> Search(float[] query, int count)
    {
        if (_count == 0 || count <= 0)
        {
            return [];
        }
        Span<ulong> signs = stackalloc ulong[SignWords];
        SignsOf(query, signs);
        var closest = new Closest(Math.Max(RescoredAtLeast, count * RescoredPerAsked));
        var (q0, q1, q2, q3, q4, q5) = (signs[0], signs[1], signs[2], signs[3], signs[4], signs[5]);
        for (var chunk = 0; chunk < _signs.Count; chunk++)
        {
            var owners = _owners[chunk];
            var used = Math.Min(ChunkSlots, _slots - chunk * ChunkSlots);
            // The hot loop of every search: six words a slot, read without bounds checks (used ≤ the chunk's slots).
            ref var words = ref MemoryMarshal.GetArrayDataReference(_signs[chunk]);
            for (var i = 0; i < used; i++)
            {
                ref var row = ref Unsafe.Add(ref words, i * SignWords);
                var differ = BitOperations.PopCount(row ^ q0) + BitOperations.PopCount(Unsafe.Add(ref row, 1) ^ q1)
                    + BitOperations.PopCount(Unsafe.Add(ref row, 2) ^ q2) + BitOperations.PopCount(Unsafe.Add(ref row, 3) ^ q3)
                    + BitOperations.PopCount(Unsafe.Add(ref row, 4) ^ q4) + BitOperations.PopCount(Unsafe.Add(ref row, 5) ^ q5);
                if (differ >= closest.Furthest)
                {
                    continue;
                }
                if (owners[i] != Guid.Empty)
                {
                    closest.Offer(chunk * ChunkSlots + i, differ);
                }
            }
        }
        return Best(closest, slot => Embeddings.Cosine(query, VectorOf(slot)), count);
    }

    /// <summary>The <paramref name="count"/> of the closest by sign that <paramref name="cosine"/> scores highest, highest first.</summary>
    private List<(Guid Record, double Cosine)> Best(Closest closest, Func<int, double> cosine, int count) =>
        [.. closest.Slots().Select(slot => (Record: OwnerOf(slot), Cosine: cosine(slot)))
            .OrderByDescending(s => s.Cosine).ThenBy(s => s.Record).Take(count)];

    /// <summary>The slots whose signs differ least from a query's: at most <c>keep</c>, the furthest of them first out.</summary>
    private sealed class Closest(int keep)
    {
        private readonly PriorityQueue<int, int> _queue = new(keep + 1);

        /// <summary>How many signs the furthest kept differs by, once <c>keep</c> are kept: a slot differing by as many is not kept.</summary>
        public int Furthest { get; private set; } = int.MaxValue;

        public void Offer(int slot, int differ)
        {
            if (differ >= Furthest)
            {
                return;
            }
            _queue.Enqueue(slot, -differ);
            if (_queue.Count > keep)
            {
                _queue.Dequeue();
            }
            if (_queue.Count >= keep)
            {
                _queue.TryPeek(out _, out var worst);
                Furthest = -worst;
            }
        }

        public IEnumerable<int> Slots() => _queue.UnorderedItems.Select(item => item.Element);
    }

    private Guid OwnerOf(int slot) => _owners[slot / ChunkSlots][slot % ChunkSlots];

    private ReadOnlySpan<ulong> SignsAt(int slot) => _signs[slot / ChunkSlots].AsSpan(slot % ChunkSlots * SignWords, SignWords);

    private static int Differ(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        var differ = 0;
        for (var w = 0; w < SignWords; w++)
        {
            differ += BitOperations.PopCount(a[w] ^ b[w]);
        }
        return differ;
    }

    private ReadOnlySpan<sbyte> VectorOf(int slot) => _vectors[slot / ChunkSlots].AsSpan(slot % ChunkSlots * Dimensions, Dimensions);

    /// <summary>A free slot for <paramref name="record"/>: one freed before, or the next, with a new chunk when the last is full.</summary>
    private int Take(Guid record)
    {
        if (!_free.TryPop(out var slot))
        {
            slot = _slots++;
            if (slot / ChunkSlots == _vectors.Count)
            {
                _vectors.Add(new sbyte[ChunkSlots * Dimensions]);
                _signs.Add(new ulong[ChunkSlots * SignWords]);
                _owners.Add(new Guid[ChunkSlots]);
            }
        }
        _owners[slot / ChunkSlots][slot % ChunkSlots] = record;
        _count++;
        return slot;
    }

    private void Free(int slot)
    {
        _owners[slot / ChunkSlots][slot % ChunkSlots] = Guid.Empty;
        _free.Push(slot);
        _count--;
    }

    private void Write(int slot, sbyte[] vector)
    {
        vector.CopyTo(_vectors[slot / ChunkSlots].AsSpan(slot % ChunkSlots * Dimensions, Dimensions));
        var signs = _signs[slot / ChunkSlots].AsSpan(slot % ChunkSlots * SignWords, SignWords);
        signs.Clear();
        for (var i = 0; i < Dimensions; i++)
        {
            if (vector[i] < 0)
            {
                signs[i / 64] |= 1UL << (i % 64);
            }
        }
    }

    private static void SignsOf(float[] query, Span<ulong> signs)
    {
        signs.Clear();
        for (var i = 0; i < Dimensions; i++)
        {
            if (query[i] < 0)
            {
                signs[i / 64] |= 1UL << (i % 64);
            }
        }
    }
}
