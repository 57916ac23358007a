using Orleans.Render.Models.Uploads;

namespace Orleans.Render.Api.Http.Uploads;

/// <summary>A <c>dropbox</c> destination: an access token and the file's path, made absolute.</summary>
internal sealed class DropboxDestinationReader : IDestinationReader
{
    public string Type => UploadDestinationTypes.Dropbox;

    public UploadDestination Read(UploadFields d, string extension)
    {
        var token = d.Text("oauth_access_token") ?? d.Text("account") ?? throw d.Invalid("oauth_access_token", "(or 'account') is required");
        var path = d.Required("filename");
        path = path.StartsWith('/') ? path : "/" + path;
        if (path.EndsWith('/') || path.Contains("//", StringComparison.Ordinal) || path.Any(char.IsControl))
        {
            throw d.Invalid("filename", "must be a file path such as /videos/alex.mp4");
        }

        return new DropboxDestination(token, path);
    }
}
