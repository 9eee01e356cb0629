using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Vouch.Features.Content;

public enum ContentFileStoreKind { Database, Folder }

/// <summary>Settings under <c>Content</c>.</summary>
public sealed class ContentOptions
{
    /// <summary>Where files are kept (<c>Content:FileStore</c>): the database, or <see cref="Folder"/>.</summary>
    public ContentFileStoreKind FileStore { get; set; } = ContentFileStoreKind.Database;

    /// <summary>A folder every instance of the app shares (<c>Content:Folder</c>), for <see cref="ContentFileStoreKind.Folder"/>.</summary>
    public string? Folder { get; set; }

    /// <summary>The largest file that may be uploaded, in bytes (<c>Content:MaxFileBytes</c>); 100 MB unless set.</summary>
    public long MaxFileBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>What a request may carry beyond the file itself: the multipart boundaries and headers.</summary>
    public long MaxRequestBytes => MaxFileBytes + 64 * 1024;
}

public static class ContentServiceCollectionExtensions
{
    public static IServiceCollection AddContentLibrary(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ContentOptions>().BindConfiguration("Content")
            .Validate(o => o.MaxFileBytes > 0, "Content:MaxFileBytes must be a number of bytes above 0.")
            .Validate(o => o.FileStore != ContentFileStoreKind.Folder || !string.IsNullOrWhiteSpace(o.Folder),
                "Content:Folder must name a folder when Content:FileStore is Folder.")
            .ValidateOnStart();
        var options = configuration.GetSection("Content").Get<ContentOptions>() ?? new ContentOptions();
        if (options.FileStore == ContentFileStoreKind.Folder)
        {
            services.AddScoped<IContentFileStore, FolderContentFileStore>();
        }
        else
        {
            services.AddScoped<IContentFileStore, DatabaseContentFileStore>();
        }
        services.AddScoped<ContentLibrary>();
        return services;
    }

    /// <summary>
    /// The content form takes its file in the form, so it needs the upload's limit rather than the server's 30 MB; the
    /// same form answers at <c>/content/new</c>.
    /// </summary>
    public static PageConventionCollection AddContentLibrary(this PageConventionCollection conventions, IConfiguration configuration)
    {
        var options = configuration.GetSection("Content").Get<ContentOptions>() ?? new ContentOptions();
        conventions.AddPageRoute("/Content/Edit", "content/new");
        conventions.AddPageApplicationModelConvention("/Content/Edit", page =>
            {
                page.Filters.Add(new RequestSizeLimitAttribute(options.MaxRequestBytes));
                page.Filters.Add(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = options.MaxRequestBytes });
            });
        return conventions;
    }
}
