// The consumer resolves Temper's ONNX Runtime (onnxruntimeVersion), not Tribuo's (1.20.0 for 4.3.2).
def log = new File(basedir, 'build.log').text
assert !log.contains('no dependency information available') : 'a POM was missing: the tree is incomplete'

def tree = new File(basedir, 'target/dependency-tree.txt').readLines()
assert tree.any { it.contains('org.tribuo:tribuo-onnx:jar:') } : 'tribuo-all was not expanded'
def ort = tree.findAll { it.contains('com.microsoft.onnxruntime:onnxruntime') }
assert ort.size() == 1 : "expected one onnxruntime, got ${ort}"
assert ort[0].endsWith("com.microsoft.onnxruntime:onnxruntime:jar:${onnxruntimeVersion}:compile") :
        "expected onnxruntime ${onnxruntimeVersion}, got ${ort[0].trim()}"
