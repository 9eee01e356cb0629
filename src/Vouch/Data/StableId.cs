using System.Security.Cryptography;
using System.Text;

namespace Vouch.Data;

/// <summary>
/// Deterministic ids for reference data that migrations seed (industries), so every database
/// agrees on them.
/// </summary>
public static class StableId
{
    public static Guid For(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        return new Guid(hash.AsSpan(0, 16));
    }
}
