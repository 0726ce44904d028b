-- wrk script: the search API with the benchmark's everyday queries, in turn.
local queries = {"生孩子", "新生儿", "营业执照", "退休", "公积金提取", "开饭店", "社保卡", "不动产登记", "食品经营许可",
  "个体工商户", "结婚登记", "身份证", "医保", "失业保险金", "道路运输", "建筑工程施工许可", "户口", "低保", "残疾人证",
  "税务注销", "东港区 出生登记", "公章刻制", "排污许可", "驾驶证", "养老金"}
local function encode(s)
  return (s:gsub("[^%w]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
local paths = {}
for i, q in ipairs(queries) do paths[i] = "/api/v1/catalog/items?size=20&q=" .. encode(q) end
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end
