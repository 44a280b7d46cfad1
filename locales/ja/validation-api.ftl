# Why a request to the gRPC service is invalid, beyond what the model
# checks (validation.ftl): names, page tokens, masks, files and limits. Sent as
# the google.rpc.LocalizedMessage of a field violation to callers that send
# accept-language. Field names and values stay as they are.
