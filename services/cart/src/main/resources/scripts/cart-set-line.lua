-- Sets one line of a cart and refuses a new line once the cart holds the most it may. Check and write run as one
-- script, so concurrent adds can never push a cart past the limit.
-- KEYS[1]: the cart hash (field per SKU -> quantity, plus '@updatedAt' -> epoch millis)
-- ARGV: sku, quantity, max lines, idle ttl in millis, now in epoch millis
-- Returns {'full'}, or {'ok', field, value, ...}: the whole cart as this write left it.
local cart, sku = KEYS[1], ARGV[1]
if redis.call('HEXISTS', cart, sku) == 0 then
    local lines = redis.call('HLEN', cart) - redis.call('HEXISTS', cart, '@updatedAt')
    if lines >= tonumber(ARGV[3]) then
        return {'full'}
    end
end
redis.call('HSET', cart, sku, ARGV[2], '@updatedAt', ARGV[5])
redis.call('PEXPIRE', cart, ARGV[4])
local result = redis.call('HGETALL', cart)
table.insert(result, 1, 'ok')
return result
