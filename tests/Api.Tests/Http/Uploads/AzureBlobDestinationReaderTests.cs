using Orleans.Render.Models.Uploads;
using Xunit;
using static Orleans.Render.Api.Tests.Http.Uploads.UploadTaskReader;

namespace Orleans.Render.Api.Tests.Http.Uploads;

public sealed class AzureBlobDestinationReaderTests
{
    [Fact]
    public void An_account_with_its_shared_key_is_read()
    {
        var azure = Destination<AzureBlobDestination>(
            """{"type": "azureblob", "account": "store1", "accountkey": "c2VjcmV0LWtleQ==", "container": "videos", "key": "a/b.mp4", "contenttype": "video/mp4"}""");

        Assert.Equal(new AzureBlobDestination("store1", "videos", "a/b.mp4", "c2VjcmV0LWtleQ==", null, null, "video/mp4"), azure);
    }

    [Fact]
    public void A_sas_or_a_connection_string_will_do_and_blob_names_the_blob_too()
    {
        Assert.Equal("sv=1&sig=x", Destination<AzureBlobDestination>("""{"type": "azureblob", "account": "store1", "sas": "sv=1&sig=x", "container": "c", "blob": "b"}""").SasToken);
        var byConnection = Destination<AzureBlobDestination>("""{"type": "azureblob", "connectionstring": "UseDevelopmentStorage=true", "container": "c", "key": "k", "blob": "ignored"}""");
        Assert.Equal(("UseDevelopmentStorage=true", "k", null), (byConnection.ConnectionString, byConnection.Blob, byConnection.Account));
    }

    [Fact]
    public void Impossible_ios_fields_alone_name_an_account_whose_credential_the_server_holds()
    {
        var azure = Destination<AzureBlobDestination>("""{"type": "azureblob", "account": "store1", "container": "videos", "key": "a.mp4"}""");

        Assert.Equal(new AzureBlobDestination("store1", "videos", "a.mp4", null, null, null, null), azure);
    }

    [Theory]
    [InlineData("""{"type": "azureblob", "key": "k", "connectionstring": "x"}""", "'upload.destination.container' is required.")]
    [InlineData("""{"type": "azureblob", "container": "c", "connectionstring": "x"}""", "'upload.destination.key' (the blob name) is required.")]
    [InlineData("""{"type": "azureblob", "container": "c", "key": "k"}""", "'upload.destination.connectionstring' or 'account' (with 'accountkey' or 'sas', or an account the server holds) is required.")]
    [InlineData("""{"type": "azureblob", "container": "c", "key": "k", "accountkey": "c2VjcmV0"}""", "'upload.destination.connectionstring' or 'account' (with 'accountkey' or 'sas', or an account the server holds) is required.")]
    [InlineData("""{"type": "azureblob", "container": "c", "key": "k", "account": "Store1", "sas": "s"}""", "'upload.destination.account' must be a storage account name (3 to 24 lower-case letters and digits).")]
    [InlineData("""{"type": "azureblob", "container": "c", "key": "k", "account": "store.evil.com", "sas": "s"}""", "'upload.destination.account' must be a storage account name (3 to 24 lower-case letters and digits).")]
    [InlineData("""{"type": "azureblob", "container": "c", "key": "k", "account": "store1", "accountkey": "not base64!"}""", "'upload.destination.accountkey' must be the account's base64 shared key.")]
    [InlineData("""{"type": "azureblob", "container": "c", "key": 7, "connectionstring": "x"}""", "'upload.destination.key' must be a string.")]
    public void Each_mistake_is_named_and_no_key_is_echoed(string destination, string expected)
    {
        var error = Error(destination);

        Assert.Equal(expected, error);
        Assert.DoesNotContain("c2VjcmV0", error);
    }
}
