namespace Vouch.Features.Meaning;

/// <summary>
/// Embeddings as Vouch keeps them: each number of a unit-length vector scaled to a signed byte, so a vector takes 384
/// bytes instead of 1,536 and a million of them fit in 370 MB. Pure.
/// </summary>
public static class Embeddings
{
    private const float Scale = 127f;

    public static sbyte[] Quantize(ReadOnlySpan<float> vector)
    {
        var bytes = new sbyte[vector.Length];
        for (var i = 0; i < vector.Length; i++)
        {
            bytes[i] = (sbyte)Math.Clamp(MathF.Round(vector[i] * Scale), -Scale, Scale);
        }
        return bytes;
    }

    /// <summary>The cosine similarity of two quantised vectors, from -1 to 1; 0 when either is all zeros.</summary>
    public static double Cosine(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        long dot = 0, normA = 0, normB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.Sqrt((double)normA * normB);
    }

    /// <summary>The cosine similarity of a vector of the model and a quantised one, from -1 to 1; 0 when either is all zeros.</summary>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<sbyte> b)
    {
        double dot = 0, normA = 0, normB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.Sqrt(normA * normB);
    }

    /// <summary>The cosine similarity of two vectors of the model, which have length one.</summary>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double dot = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
