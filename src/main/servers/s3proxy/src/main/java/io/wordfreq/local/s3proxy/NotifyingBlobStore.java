package io.wordfreq.local.s3proxy;

import java.io.InputStream;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * A blob store that, like an S3 bucket notification, announces every object created in one bucket whose
 * key ends with a suffix: after a successful put, copy or multipart completion it sends an S3 event to a
 * queue. The event goes out before the S3 response, so a client that sees its upload succeed can rely on
 * the event being on the queue.
 */
final class NotifyingBlobStore extends ForwardingBlobStore {
  private final String bucket;
  private final String suffix;
  private final SqsQuerySender sender;
  private final S3EventJson events;

  NotifyingBlobStore(
      BlobStore delegate, String bucket, String suffix, SqsQuerySender sender, S3EventJson events) {
    super(delegate);
    this.bucket = bucket;
    this.suffix = suffix;
    this.sender = sender;
    this.events = events;
  }

  @Override
  public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
    PutObjectResponse response = super.putBlob(request, content);
    notifyCreated("ObjectCreated:Put", request.bucket(), request.key());
    return response;
  }

  @Override
  public CopyObjectResponse copyBlob(CopyObjectRequest request) {
    CopyObjectResponse response = super.copyBlob(request);
    notifyCreated("ObjectCreated:Copy", request.destinationBucket(), request.destinationKey());
    return response;
  }

  @Override
  public CompleteMultipartUploadResponse completeMultipartUpload(
      MultipartUpload upload, CompleteMultipartUploadRequest request) {
    CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
    notifyCreated("ObjectCreated:CompleteMultipartUpload", request.bucket(), request.key());
    return response;
  }

  private void notifyCreated(String eventName, String bucketName, String key) {
    if (!bucket.equals(bucketName) || key == null || !key.endsWith(suffix)) {
      return;
    }
    try {
      // Size and ETag as stored, whichever way the object got there.
      HeadObjectResponse head = delegate().blobMetadata(bucketName, key);
      long size = head.contentLength() == null ? 0L : head.contentLength();
      sender.send(events.objectCreated(eventName, bucketName, key, size, head.eTag()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      report(bucketName, key, e);
    } catch (Exception e) {
      // The object is stored either way; S3 does not fail a write for a notification either.
      report(bucketName, key, e);
    }
  }

  private static void report(String bucketName, String key, Exception e) {
    System.err.println(
        "wordfreq S3 server: event for s3://" + bucketName + "/" + key + " NOT sent: " + e);
  }
}
