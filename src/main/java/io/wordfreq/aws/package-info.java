/**
 * AWS SDK v2 client set-up shared by the parts that talk to AWS: region, endpoints and credentials
 * from the standard places ({@code AWS_REGION}, {@code AWS_ENDPOINT_URL_<SERVICE>}, the default chain).
 */
package io.wordfreq.aws;
