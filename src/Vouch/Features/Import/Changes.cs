using Vouch.Features.Catalog;

namespace Vouch.Features.Import;

/// <summary>Sets a field only when the file has its column and the value differs, and remembers whether anything did.</summary>
internal sealed class Changes(RowReader row)
{
    public bool Any { get; private set; }

    public void Set<T>(string field, T current, T value, Action<T> set, bool always = false)
    {
        if ((always || row.Has(field)) && !EqualityComparer<T>.Default.Equals(current, value))
        {
            set(value);
            Any = true;
        }
    }

    /// <summary>Sets a list when the file has its column and the list differs, order included.</summary>
    public void SetList(string field, List<string> current, List<string> value, Action<List<string>> set)
    {
        if (row.Has(field) && !current.SequenceEqual(value))
        {
            set(value);
            Any = true;
        }
    }

    public void SetProducts(List<Product> current, List<string> names, ProductCatalog products)
    {
        if (!row.Has(ImportFields.Products))
        {
            return;
        }
        var wanted = names.Select(name => products[name]).DistinctBy(p => p.Id).ToList();
        if (current.Select(p => p.Id).ToHashSet().SetEquals(wanted.Select(p => p.Id)))
        {
            return;
        }
        current.Clear();
        current.AddRange(wanted);
        Any = true;
    }
}
